using System.Collections.Immutable;
using CliWrap;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// Starts QEMU so that it outlives us: QEMU's own <c>-daemonize</c> with <c>-pidfile</c>.
/// <para>
/// Why QEMU's daemonizing and not ours: a guest must not be tied to our pipes, yet QEMU's start-up
/// errors must reach the user. .NET (and CliWrap) can only give a child pipes or our own descriptors,
/// not a file, and we start nothing through a shell. With <c>-daemonize</c> QEMU forks; the parent we
/// started waits until the guest is fully set up (every backend opened, the machine built), then exits
/// 0, while an error before that makes it exit non-zero after the child wrote QEMU's own message to the
/// pipes we read. The daemon points its standard streams at /dev/null once set up, so our pipes close,
/// the parent's exit is our answer, and no process of ours stays behind. What QEMU wrote while
/// starting (warnings, "char device redirected to /dev/pts/N") goes to the run directory's log.
/// </para>
/// </summary>
public static class DetachedEmulator
{
    /// <summary>The words that detach QEMU once set up and make it write its pid to <paramref name="pidFile"/>.</summary>
    public static ImmutableArray<string> DaemonArguments(string pidFile) => ["-daemonize", "-pidfile", pidFile];

    /// <summary>
    /// Runs the emulator with <paramref name="arguments"/> plus <see cref="DaemonArguments"/>, waits (bounded)
    /// for its parent to exit, and returns the daemon's pid read from the pid file; else an error with
    /// QEMU's own words. On failure no process is left (a daemon that made it past the pid file is killed).
    /// </summary>
    public static async Task<(int? Pid, Diagnostic? Error)> StartAsync(
        string emulator, IReadOnlyList<string> arguments, ImmutableDictionary<string, string?> environment,
        RunDirectory directory, TimeSpan timeout, CancellationToken cancellation)
    {
        var where = SourceLocation.OfFile(emulator);
        if (!File.Exists(emulator))
            return (null, Error(where, $"the emulator '{emulator}' does not exist"));

        using var output = new EmulatorOutput(directory.LogFile);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        var command = Cli.Wrap(emulator)
            .WithArguments([.. arguments, .. DaemonArguments(directory.PidFile)])
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Null)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(output.Add))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(output.Add));
        CommandResult result;
        try
        {
            // Cancelling kills the parent (CliWrap's forceful cancellation); a daemon it forked is found by its pid file below.
            result = await command.ExecuteAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillDaemonAsync(directory).ConfigureAwait(false);
            return (null, cancellation.IsCancellationRequested
                ? Error(where, $"starting '{emulator}' was cancelled")
                : Error(where, $"'{emulator}' did not finish setting up the guest within {timeout.TotalSeconds:0.###} s{EmulatorOutput.Quote(output.Text)}"));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return (null, Error(where, $"'{emulator}' could not be started: {(e.InnerException ?? e).Message}"));
        }

        if (result.ExitCode != 0)
        {
            await KillDaemonAsync(directory).ConfigureAwait(false);
            return (null, Error(where, $"'{emulator}' exited with code {result.ExitCode} while starting the guest{EmulatorOutput.Quote(output.Text)}"));
        }
        if (directory.ReadPid() is not { } pid || !EmulatorLiveness.IsAlive(pid))
            return (null, Error(where, $"'{emulator}' reported a started guest but no live process is named in '{directory.PidFile}'{EmulatorOutput.Quote(output.Text)}"));
        return (pid, null);
    }

    private static async Task KillDaemonAsync(RunDirectory directory)
    {
        if (directory.LivePid() is { } pid) await EmulatorLiveness.KillAsync(pid, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    private static Diagnostic Error(SourceLocation where, string message) =>
        new(RuntimeDiagnostics.StartFailed, Severity.Error, message, where);
}
