using System.Globalization;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// Whether a process is alive, read from <c>/proc</c>. A pid alone proves little (pids are reused
/// after a reboot or a long uptime), so a run directory's emulator is the live process whose command
/// line holds that directory's pid file. A zombie (exited, not yet reaped by its parent) is dead.
/// </summary>
public static class EmulatorLiveness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static bool IsAlive(int pid)
    {
        try
        {
            // /proc/PID/stat: "PID (COMM) STATE ..."; COMM may hold spaces and parentheses, so read after the last ')'.
            // Bytes, not text: no decoder for the 300 ASCII bytes of the line.
            var stat = File.ReadAllBytes($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var end = stat.AsSpan().LastIndexOf((byte)')');
            return end > 0 && end + 2 < stat.Length && stat[end + 2] is not ((byte)'Z' or (byte)'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The process is alive and one of its arguments is <paramref name="pidFile"/> (QEMU's <c>-pidfile</c>).</summary>
    public static bool IsEmulatorOf(int pid, string pidFile)
    {
        if (!IsAlive(pid)) return false;
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Split('\0');
            return arguments.Contains(pidFile, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Waits until the process is dead; false when it is still alive after <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(PollInterval, cancellation).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>Sends SIGKILL to a process that is not our child and waits (bounded) for it to be gone; true when it is.</summary>
    public static async Task<bool> KillAsync(int pid, TimeSpan timeout)
    {
        if (!IsAlive(pid)) return true;
        ProcessTree.Kill(pid);
        return await WaitForExitAsync(pid, timeout).ConfigureAwait(false);
    }
}
