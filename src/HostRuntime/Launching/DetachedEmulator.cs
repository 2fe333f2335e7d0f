using System.Collections.Immutable;
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
    private static readonly TimeSpan DaemonKillGrace = TimeSpan.FromSeconds(5);

    /// <summary>The words that detach QEMU once set up and make it write its pid to <paramref name="pidFile"/>.</summary>
    public static ImmutableArray<string> DaemonArguments(string pidFile) => ["-daemonize", "-pidfile", pidFile];

    /// <summary>
    /// Runs the emulator with <paramref name="arguments"/> plus <see cref="DaemonArguments"/>, waits (bounded)
    /// for its parent to exit, and returns the daemon's pid read from the pid file; else an error with
    /// QEMU's own words. On failure no process is left (a daemon that made it past the pid file is killed).
    /// <paramref name="meanwhile"/>, when given, runs while QEMU sets the guest up (it must not throw).
    /// </summary>
    public static async Task<(int? Pid, Diagnostic? Error)> StartAsync(
        string emulator, IReadOnlyList<string> arguments, ImmutableDictionary<string, string?> environment,
        RunDirectory directory, TimeSpan timeout, CancellationToken cancellation, Action? meanwhile = null)
    {
        var where = SourceLocation.OfFile(emulator);
        if (!File.Exists(emulator))
            return (null, Error(where, $"the emulator '{emulator}' does not exist"));

        var run = Helpers.HelperCommand.Run(emulator, [.. arguments, .. DaemonArguments(directory.PidFile)], environment,
            directory.LogFile, timeout, cancellation, meanwhile);
        if (run.StartFailure is { } failure)
            return (null, Error(where, $"'{emulator}' could not be started: {failure}"));
        if (run.TimedOut)
        {
            await KillDaemonAsync(directory).ConfigureAwait(false);
            return (null, cancellation.IsCancellationRequested
                ? Error(where, $"starting '{emulator}' was cancelled")
                : Error(where, $"'{emulator}' did not finish setting up the guest within {timeout.TotalSeconds:0.###} s{EmulatorOutput.Quote(run.Output)}"));
        }
        if (run.ExitCode != 0)
        {
            await KillDaemonAsync(directory).ConfigureAwait(false);
            return (null, Error(where, $"'{emulator}' exited with code {run.ExitCode} while starting the guest{EmulatorOutput.Quote(run.Output)}"));
        }
        if (directory.ReadPid() is not { } pid || !EmulatorLiveness.IsAlive(pid))
            return (null, Error(where, $"'{emulator}' reported a started guest but no live process is named in '{directory.PidFile}'{EmulatorOutput.Quote(run.Output)}"));
        return (pid, null);
    }

    private static async Task KillDaemonAsync(RunDirectory directory)
    {
        if (directory.LivePid() is { } pid) await EmulatorLiveness.KillAsync(pid, DaemonKillGrace).ConfigureAwait(false);
    }

    private static Diagnostic Error(SourceLocation where, string message) =>
        new(RuntimeDiagnostics.StartFailed, Severity.Error, message, where);
}
