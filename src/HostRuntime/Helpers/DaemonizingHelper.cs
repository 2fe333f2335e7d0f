using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Starts a helper that daemonizes itself once it listens (swtpm, qemu-storage-daemon, qemu-pr-helper): the parent's exit
/// code says whether it started, the pid file it writes in the run directory names the daemon, and the daemon counts
/// as started once that pid belongs to the run directory and its socket exists (a forked daemon may write its pid
/// just after the parent exits). The launcher then records the pid in a file of its own (<see cref="HelperFiles.PidFile"/>),
/// which stays until the helper is stopped: the daemon removes its own as it exits.
/// </summary>
internal static class DaemonizingHelper
{
    /// <param name="request">The helper: its socket, alias and location.</param>
    /// <param name="runFolder">The run directory the helper's pid file goes to.</param>
    /// <param name="program">The helper program.</param>
    /// <param name="arguments">Its arguments, which name <see cref="HelperFiles.DaemonPidFile"/> as its pid file and the socket.</param>
    /// <param name="describe">How the errors name the device: <c>disk 'vda'</c>.</param>
    /// <param name="timeout">How long the helper may take to listen.</param>
    /// <param name="cancellation">Stops the wait (the helper is then stopped).</param>
    /// <param name="whatItLogged">The text of the helper's own log, quoted in a failure (swtpm logs to a file, not to its output).</param>
    public static async Task<(int? Pid, Diagnostic? Error)> StartAsync(HelperRequest request, string runFolder, string program,
        IReadOnlyList<string> arguments, string describe, TimeSpan timeout, CancellationToken cancellation, Func<string>? whatItLogged = null)
    {
        var name = Path.GetFileName(program);
        var pidFile = HelperFiles.DaemonPidFile(runFolder, request);
        var record = HelperFiles.PidFile(runFolder, request);
        try
        {
            StateBases.CreatePrivate(HelperFiles.Folder(runFolder));
            StateBases.CreatePrivate(Path.GetDirectoryName(request.Socket)!);
            File.Delete(request.Socket);
            File.Delete(pidFile);
            File.Delete(record);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, Error(HelperDiagnostics.StateUnusable, describe, request, $"the folders of {name} cannot be made: {e.Message}"));
        }

        var run = await HelperCommand.RunAsync(program, arguments, timeout, cancellation).ConfigureAwait(false);
        if (run.TimedOut)
        {
            await HelperSet.StopRecordedAsync(pidFile, runFolder, TimeSpan.Zero).ConfigureAwait(false);
            return (null, Error(HelperDiagnostics.HelperFailed, describe, request, $"{name} did not start within {timeout.TotalSeconds:0.###} s"));
        }
        if (run.StartFailure is { } failure)
            return (null, Error(HelperDiagnostics.HelperFailed, describe, request, $"'{program}' could not be started: {failure}"));
        if (run.ExitCode != 0)
            return (null, Error(HelperDiagnostics.HelperFailed, describe, request,
                $"{name} exited with code {run.ExitCode} while starting{EmulatorOutput.Quote(run.Output + whatItLogged?.Invoke())}"));
        var listening = await HelperSet.WaitForAsync(
            () => PidFiles.Read(pidFile) is { } daemon && HelperFiles.BelongsTo(daemon, runFolder) && File.Exists(request.Socket),
            timeout, cancellation).ConfigureAwait(false);
        if (!listening || PidFiles.Read(pidFile) is not { } pid)
        {
            await HelperSet.StopRecordedAsync(pidFile, runFolder, TimeSpan.Zero).ConfigureAwait(false);
            return (null, Error(HelperDiagnostics.HelperFailed, describe, request,
                $"{name} reported a start but does not listen on '{request.Socket}'{EmulatorOutput.Quote(whatItLogged?.Invoke() ?? "")}"));
        }
        try
        {
            // Written whole, then renamed into place: a stop never reads half a pid.
            var partial = record + ".partial";
            File.WriteAllText(partial, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
            File.Move(partial, record, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await HelperSet.StopRecordedAsync(pidFile, runFolder, TimeSpan.Zero).ConfigureAwait(false);
            return (null, Error(HelperDiagnostics.StateUnusable, describe, request, $"the pid of {name} cannot be recorded: {e.Message}"));
        }
        return (pid, null);
    }

    public static Diagnostic Error(DiagnosticCode code, string describe, HelperRequest request, string message) =>
        new(code, Severity.Error, $"{describe}: {message}", request.Location);
}
