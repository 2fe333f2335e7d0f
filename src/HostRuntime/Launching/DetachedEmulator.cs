using System.Collections.Immutable;
using System.Diagnostics;
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
    /// </summary>
    public static async Task<(int? Pid, Diagnostic? Error)> StartAsync(
        string emulator, IReadOnlyList<string> arguments, ImmutableDictionary<string, string?> environment,
        RunDirectory directory, TimeSpan timeout, CancellationToken cancellation)
    {
        var where = SourceLocation.OfFile(emulator);
        if (!File.Exists(emulator))
            return (null, Error(where, $"the emulator '{emulator}' does not exist"));

        using var output = new EmulatorOutput(directory.LogFile);
        // Started with Process and waited for on this thread, not through CliWrap's asynchronous pipeline: the
        // parent's exit is the one thing to wait for, and each asynchronous hop (pipe copies, exit notification,
        // continuation) waited for a free core on a busy host.
        var start = new ProcessStartInfo(emulator)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var argument in DaemonArguments(directory.PidFile)) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        using var parent = new Process { StartInfo = start };
        parent.OutputDataReceived += (_, line) => { if (line.Data is { } text) output.Add(text); };
        parent.ErrorDataReceived += (_, line) => { if (line.Data is { } text) output.Add(text); };
        try
        {
            parent.Start();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return (null, Error(where, $"'{emulator}' could not be started: {(e.InnerException ?? e).Message}"));
        }
        parent.StandardInput.Close(); // QEMU reads nothing: standard input at its end
        parent.BeginOutputReadLine();
        parent.BeginErrorReadLine();

        bool exited;
        using (cancellation.Register(() => KillQuietly(parent)))
            exited = parent.WaitForExit(timeout) && !cancellation.IsCancellationRequested;
        if (!exited)
        {
            KillQuietly(parent);
            // A daemon the parent forked is found by its pid file; it may hold the pipes, so the wait for them is bounded.
            await KillDaemonAsync(directory).ConfigureAwait(false);
            parent.WaitForExit(DaemonKillGrace);
            return (null, cancellation.IsCancellationRequested
                ? Error(where, $"starting '{emulator}' was cancelled")
                : Error(where, $"'{emulator}' did not finish setting up the guest within {timeout.TotalSeconds:0.###} s{EmulatorOutput.Quote(output.Text)}"));
        }
        // Until both pipes reach their end, which the daemon's standard streams, pointed at /dev/null once it is set up, do too.
        parent.WaitForExit();

        if (parent.ExitCode != 0)
        {
            await KillDaemonAsync(directory).ConfigureAwait(false);
            return (null, Error(where, $"'{emulator}' exited with code {parent.ExitCode} while starting the guest{EmulatorOutput.Quote(output.Text)}"));
        }
        if (directory.ReadPid() is not { } pid || !EmulatorLiveness.IsAlive(pid))
            return (null, Error(where, $"'{emulator}' reported a started guest but no live process is named in '{directory.PidFile}'{EmulatorOutput.Quote(output.Text)}"));
        return (pid, null);
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    private static async Task KillDaemonAsync(RunDirectory directory)
    {
        if (directory.LivePid() is { } pid) await EmulatorLiveness.KillAsync(pid, DaemonKillGrace).ConfigureAwait(false);
    }

    private static Diagnostic Error(SourceLocation where, string message) =>
        new(RuntimeDiagnostics.StartFailed, Severity.Error, message, where);
}
