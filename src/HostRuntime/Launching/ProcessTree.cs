using CliWrap;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// Ends a process together with whatever it started (QEMU helpers, a script's children): the one way
/// every emulator, probe and <c>-help</c> run is stopped when it must not outlive us.
/// </summary>
internal static class ProcessTree
{
    /// <summary>Kills the process and its descendants; a process that is already gone is not an error.</summary>
    public static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It exited meanwhile.
        }
    }

    /// <summary>
    /// Kills a command CliWrap runs (unless it has exited), cancels it through <paramref name="kill"/>,
    /// and waits until CliWrap has let go of it.
    /// </summary>
    public static async Task KillAsync(CommandTask<CommandResult> running, CancellationTokenSource kill)
    {
        if (!running.Task.IsCompleted)
        {
            Kill(running.ProcessId);
            try { await kill.CancelAsync().ConfigureAwait(false); } catch (ObjectDisposedException) { }
        }
        try
        {
            await running.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // CliWrap reports the kill as a cancellation.
        }
    }
}
