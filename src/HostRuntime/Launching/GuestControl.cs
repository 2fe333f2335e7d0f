using System.Net.Sockets;
using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// What the lifecycle commands do to a launched guest, found by name under a run base: its status
/// (QMP <c>query-status</c>), pause and resume (<c>stop</c>, <c>cont</c>), a graceful shutdown
/// (<c>system_powerdown</c>, then <c>quit</c> when the guest ignores it, then SIGKILL) and destroy
/// (<c>quit</c>, then SIGKILL). A run directory whose emulator is dead is stale: whoever finds it deletes
/// it (under its lock) and reports the name as not running.
/// </summary>
public static partial class GuestControl
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Every guest under the base, by name: those with a live emulator, those a launch is still starting, and
    /// once, as <c>dead</c>, those whose emulator is gone (exited or killed): their directory is cleaned on the
    /// way, their helpers stopped.
    /// </summary>
    public static async Task<IReadOnlyList<GuestStatus>> ListAsync(string runBase, TimeSpan timeout)
    {
        var found = new List<GuestStatus>();
        foreach (var directory in RunDirectory.All(runBase))
        {
            if (directory.LivePid() is { } pid)
                found.Add(new GuestStatus(directory.Name, pid, await StateAsync(directory, timeout).ConfigureAwait(false), directory.QmpSocket, directory.Path)
                {
                    Helpers = HelperFiles.Live(directory.Path),
                });
            else if (await CleanIfStaleAsync(directory, TimeSpan.Zero).ConfigureAwait(false))
                found.Add(new GuestStatus(directory.Name, null, "dead", directory.QmpSocket, directory.Path));
            else
                found.Add(new GuestStatus(directory.Name, null, "starting", directory.QmpSocket, directory.Path)); // a launch holds it
        }
        return found;
    }

    public static async Task<GuestControlResult> StatusAsync(string runBase, string name, TimeSpan timeout)
    {
        var (directory, pid, error) = await FindAsync(runBase, name).ConfigureAwait(false);
        if (error is not null) return Failed(error);
        return Done(new GuestStatus(name, pid, await StateAsync(directory!, timeout).ConfigureAwait(false), directory!.QmpSocket, directory.Path)
        {
            Helpers = HelperFiles.Live(directory.Path),
        });
    }

    /// <summary>Pauses a guest; one already paused is an error, as virsh makes it.</summary>
    public static Task<GuestControlResult> SuspendAsync(string runBase, string name, TimeSpan timeout) =>
        CommandAsync(runBase, name, timeout, "suspend", (monitor, _) => monitor.PauseAsync(), refusedIn: "paused");

    /// <summary>Lets a paused guest run; one already running is an error, as virsh makes it.</summary>
    public static Task<GuestControlResult> ResumeAsync(string runBase, string name, TimeSpan timeout) =>
        CommandAsync(runBase, name, timeout, "resume", (monitor, _) => monitor.ContinueAsync(), refusedIn: "running");

    /// <summary>
    /// Presses the power button and waits up to <paramref name="powerDownTimeout"/> for QEMU to exit; then
    /// quits it (and kills it when even that is ignored). The status tells which: "shutdown" or "quit".
    /// </summary>
    public static async Task<GuestControlResult> ShutdownAsync(string runBase, string name, TimeSpan powerDownTimeout, TimeSpan timeout)
    {
        var (directory, pid, error) = await FindAsync(runBase, name).ConfigureAwait(false);
        if (error is not null) return Failed(error);
        try
        {
            await using (var monitor = await GuestMonitor.ConnectAsync(directory!.QmpSocket, timeout).ConfigureAwait(false))
                await monitor.PowerDownAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsMonitorFailure(e))
        {
            if (EmulatorLiveness.IsAlive(pid!.Value)) return Failed(MonitorError(directory!, "shutdown", e));
        }
        var end = "shutdown";
        if (!await EmulatorLiveness.WaitForExitAsync(pid!.Value, powerDownTimeout).ConfigureAwait(false))
        {
            end = "quit";
            await StopAsync(directory!, pid.Value, timeout).ConfigureAwait(false);
        }
        await CleanIfStaleAsync(directory!, LockWait).ConfigureAwait(false);
        return Done(new GuestStatus(name, pid, end, directory!.QmpSocket, directory.Path));
    }

    /// <summary>Quits QEMU (SIGKILL when it has not exited after a grace period) and deletes the run directory.</summary>
    public static async Task<GuestControlResult> DestroyAsync(string runBase, string name, TimeSpan timeout)
    {
        var (directory, pid, error) = await FindAsync(runBase, name).ConfigureAwait(false);
        if (error is not null) return Failed(error);
        var gone = await StopAsync(directory!, pid!.Value, timeout).ConfigureAwait(false);
        if (!gone)
            return Failed(new Diagnostic(RuntimeDiagnostics.MonitorFailed, Severity.Error,
                $"domain '{name}' (pid {pid}) survived quit and SIGKILL", SourceLocation.OfFile(directory!.Path)));
        await CleanIfStaleAsync(directory!, LockWait).ConfigureAwait(false);
        return Done(new GuestStatus(name, pid, "destroyed", directory!.QmpSocket, directory.Path));
    }

    private static async Task<bool> StopAsync(RunDirectory directory, int pid, TimeSpan timeout)
    {
        await GuestLauncher.QuitQuietlyAsync(directory.QmpSocket, timeout).ConfigureAwait(false);
        if (await EmulatorLiveness.WaitForExitAsync(pid, QuitGrace).ConfigureAwait(false)) return true;
        return await EmulatorLiveness.KillAsync(pid, QuitGrace).ConfigureAwait(false);
    }

    private static async Task<GuestControlResult> CommandAsync(
        string runBase, string name, TimeSpan timeout, string what, Func<GuestMonitor, CancellationToken, Task> act, string refusedIn)
    {
        var (directory, pid, error) = await FindAsync(runBase, name).ConfigureAwait(false);
        if (error is not null) return Failed(error);
        try
        {
            await using var monitor = await GuestMonitor.ConnectAsync(directory!.QmpSocket, timeout).ConfigureAwait(false);
            if (await monitor.StatusAsync().ConfigureAwait(false) == refusedIn)
                return Failed(new Diagnostic(RuntimeDiagnostics.WrongState, Severity.Error,
                    $"cannot {what} domain '{name}': it is already {refusedIn}", SourceLocation.OfFile(directory.Path)));
            await act(monitor, CancellationToken.None).ConfigureAwait(false);
            return Done(new GuestStatus(name, pid, await monitor.StatusAsync().ConfigureAwait(false), directory.QmpSocket, directory.Path));
        }
        catch (Exception e) when (IsMonitorFailure(e))
        {
            return Failed(MonitorError(directory!, what, e));
        }
    }

    /// <summary>The run directory and live pid of a name; an error when it is unknown or its emulator is dead (then cleaned).</summary>
    private static async Task<(RunDirectory? Directory, int? Pid, Diagnostic? Error)> FindAsync(string runBase, string name)
    {
        var diagnostics = new List<Diagnostic>();
        var where = SourceLocation.OfFile(runBase);
        if (RunDirectory.For(runBase, name, diagnostics, where) is not { } directory) return (null, null, diagnostics[0]);
        if (!directory.Exists)
            return (null, null, NotRunning(name, $"there is no run directory '{directory.Path}'", where));
        if (directory.LivePid() is { } pid) return (directory, pid, null);
        var cleaned = await CleanIfStaleAsync(directory, TimeSpan.Zero).ConfigureAwait(false);
        return (null, null, NotRunning(name, cleaned
            ? $"its emulator is gone; the stale run directory '{directory.Path}' was removed"
            : $"it is still being started or stopped by another domainlauncher command (run directory '{directory.Path}')", where));
    }

    /// <summary>Deletes the directory when its emulator is dead; false when a command holds its lock or its emulator lives.</summary>
    private static async Task<bool> CleanIfStaleAsync(RunDirectory directory, TimeSpan wait)
    {
        var (held, busy) = await RunDirectoryLock.AcquireAsync(directory, create: false, wait).ConfigureAwait(false);
        if (held is null) return !busy;
        using (held)
        {
            if (directory.LivePid() is not null) return false;
            await GuestLauncher.DeleteQuietlyAsync(directory).ConfigureAwait(false);
            return true;
        }
    }

    private static async Task<string> StateAsync(RunDirectory directory, TimeSpan timeout)
    {
        try
        {
            await using var monitor = await GuestMonitor.ConnectAsync(directory.QmpSocket, timeout).ConfigureAwait(false);
            return await monitor.StatusAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsMonitorFailure(e))
        {
            return "unknown"; // alive, but its monitor does not answer (busy with another client, or hung)
        }
    }

    private static bool IsMonitorFailure(Exception e) =>
        e is QmpProtocolException or QmpCommandException or TimeoutException or IOException or SocketException;

    private static Diagnostic MonitorError(RunDirectory directory, string what, Exception e) =>
        new(RuntimeDiagnostics.MonitorFailed, Severity.Error,
            $"{what} of domain '{directory.Name}' failed on its QMP monitor '{directory.QmpSocket}': {e.Message}", SourceLocation.OfFile(directory.Path));

    private static Diagnostic NotRunning(string name, string why, SourceLocation where) =>
        new(RuntimeDiagnostics.NotRunning, Severity.Error, $"no domain named '{name}' is running: {why}", where);

    private static GuestControlResult Failed(Diagnostic error) => new(null, [error]);

    private static GuestControlResult Done(GuestStatus status) => new(status, []);
}
