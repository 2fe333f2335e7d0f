using System.Globalization;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// Pid files as QEMU's <c>-pidfile</c> and the helpers write them: one positive decimal number, white space around
/// it allowed. Read as bytes and parsed in place, and looked for before it is opened: a launch asks for the pid
/// file of a run directory that has none yet, and the exception a missing file throws cost more (the unwinding,
/// its tables' page faults) than everything else the launch did with its run directory.
/// </summary>
public static class PidFiles
{
    /// <summary>The most bytes read: a pid is at most 7 digits (pid_max is at most 2^22), the rest is slack for white space.</summary>
    private const int MaxBytes = 64;

    /// <summary>The pid the file names, or null when there is no such file, it cannot be read, or it holds no pid.</summary>
    public static int? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var file = File.OpenHandle(path);
            Span<byte> buffer = stackalloc byte[MaxBytes];
            var length = RandomAccess.Read(file, buffer, 0);
            var text = buffer[..length].Trim(" \t\r\n"u8);
            // A longer file is no pid file (the read may have cut its number).
            return length < MaxBytes && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
