using CliWrap;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Starts qemu-storage-daemon serving one raw image as a vhost-user-blk export. Its <c>--daemonize</c> parent exits
/// only once the export listens (or with the reason it could not), and the daemon writes its pid to the run
/// directory; it runs until it is stopped with the run directory's other helpers.
/// </summary>
internal static class StorageDaemonHelper
{
    public static async Task<(int? Pid, Diagnostic? Error)> StartAsync(
        StorageDaemonRequest request, string runFolder, HelperPrograms programs, TimeSpan timeout, CancellationToken cancellation)
    {
        if (programs.StorageDaemonUnavailable is { } missing)
            return (null, Error(HelperDiagnostics.HelperMissing, request, $"the vhost-user-blk disk needs a back end: {missing}"));
        var pidFile = HelperFiles.PidFile(runFolder, request);
        var arguments = Arguments(request, pidFile);
        if (arguments is null)
            return (null, Error(HelperDiagnostics.HelperFailed, request, "qemu-storage-daemon's options cannot hold a comma in a path"));
        try
        {
            StateBases.CreatePrivate(HelperFiles.Folder(runFolder));
            File.Delete(request.Socket);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, Error(HelperDiagnostics.StateUnusable, request, $"the helper folder cannot be made: {e.Message}"));
        }

        using var output = new EmulatorOutput(logFile: null);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            var result = await Cli.Wrap(programs.StorageDaemon!).WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .WithStandardInputPipe(PipeSource.Null)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(output.Add))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(output.Add))
                .ExecuteAsync(deadline.Token).ConfigureAwait(false);
            if (result.ExitCode != 0)
                return (null, Error(HelperDiagnostics.HelperFailed, request, $"qemu-storage-daemon exited with code {result.ExitCode} while starting{EmulatorOutput.Quote(output.Text)}"));
        }
        catch (OperationCanceledException)
        {
            await HelperSet.StopRecordedAsync(pidFile, runFolder, TimeSpan.Zero).ConfigureAwait(false);
            return (null, Error(HelperDiagnostics.HelperFailed, request, $"qemu-storage-daemon did not start within {timeout.TotalSeconds:0.###} s"));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return (null, Error(HelperDiagnostics.HelperFailed, request, $"'{programs.StorageDaemon}' could not be started: {(e.InnerException ?? e).Message}"));
        }
        if (HelperFiles.ReadPid(pidFile) is not { } pid || !HelperFiles.BelongsTo(pid, runFolder) || !File.Exists(request.Socket))
        {
            await HelperSet.StopRecordedAsync(pidFile, runFolder, TimeSpan.Zero).ConfigureAwait(false);
            return (null, Error(HelperDiagnostics.HelperFailed, request, $"qemu-storage-daemon reported a start but does not listen on '{request.Socket}'"));
        }
        return (pid, null);
    }

    /// <summary>The daemon's options: a file node, a raw node on it, the export; null when a path holds a comma (keyval lists cannot quote one).</summary>
    public static IReadOnlyList<string>? Arguments(StorageDaemonRequest request, string pidFile)
    {
        if (new[] { request.Image, request.Socket, pidFile }.Any(p => p.Contains(',', StringComparison.Ordinal))) return null;
        var readOnly = request.ReadOnly ? "on" : "off";
        return
        [
            "--blockdev", $"driver=file,node-name=storage,filename={request.Image},read-only={readOnly}",
            "--blockdev", $"driver=raw,node-name=format,file=storage,read-only={readOnly}",
            "--export", $"type=vhost-user-blk,id=export,node-name=format,addr.type=unix,addr.path={request.Socket},writable={(request.ReadOnly ? "off" : "on")}",
            "--pidfile", pidFile,
            "--daemonize",
        ];
    }

    private static Diagnostic Error(DiagnosticCode code, HelperRequest request, string message) =>
        new(code, Severity.Error, $"disk '{request.Alias}': {message}", request.Location);
}
