using System.Globalization;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// Where a run directory keeps its helpers: <c>RUN/helpers/KIND-ALIAS.pid</c> names each one's pid and
/// <c>KIND-ALIAS.log</c> holds what it wrote. A pid alone proves little (pids are reused), so a helper of the
/// run directory is a live process with one argument inside that directory (its socket, pid or log file).
/// </summary>
public static class HelperFiles
{
    public static string Folder(string runFolder) => Path.Combine(runFolder, "helpers");

    public static string PidFile(string runFolder, HelperRequest request) => Path.Combine(Folder(runFolder), $"{request.Kind}-{request.Alias}.pid");

    /// <summary>
    /// The pid file a helper that daemonizes itself writes, and removes as it exits (swtpm does, before the process is
    /// gone). The launcher's own record of the helper is <see cref="PidFile"/>, written from it once the daemon
    /// listens: a record that vanished with the daemon's exit let a stop call a helper still exiting stopped.
    /// </summary>
    public static string DaemonPidFile(string runFolder, HelperRequest request) => Path.Combine(Folder(runFolder), $"{request.Kind}-{request.Alias}.daemon-pid");

    public static string LogFile(string runFolder, HelperRequest request) => Path.Combine(Folder(runFolder), $"{request.Kind}-{request.Alias}.log");

    /// <summary>The recorded helpers whose process lives and belongs to the run directory, by file name.</summary>
    public static IReadOnlyList<RunningHelper> Live(string runFolder)
    {
        var folder = Folder(runFolder);
        if (!Directory.Exists(folder)) return [];
        var found = new List<RunningHelper>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.pid").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || PidFiles.Read(file) is not { } pid || !BelongsTo(pid, runFolder)) continue;
            found.Add(new RunningHelper(name[..dash], name[(dash + 1)..], pid));
        }
        return found;
    }

    /// <summary>The process lives and one of its arguments names a path inside <paramref name="runFolder"/>.</summary>
    public static bool BelongsTo(int pid, string runFolder) =>
        EmulatorLiveness.IsAlive(pid) && ArgumentsOf(pid) is { Length: > 0 } arguments && Names(arguments, runFolder);

    /// <summary>
    /// The helper recorded as <paramref name="pid"/> has left: the process is dead (or a zombie), or the pid
    /// now belongs to another program, one whose arguments name nothing in <paramref name="runFolder"/>. A
    /// process on its way out has not left yet: the kernel empties its arguments when it frees its memory,
    /// before the process is reaped, so "no longer names the folder" alone would call it gone too early.
    /// </summary>
    public static bool HasLeft(int pid, string runFolder) =>
        !EmulatorLiveness.IsAlive(pid) || ArgumentsOf(pid) is not { } arguments || arguments.Length > 0 && !Names(arguments, runFolder);

    /// <summary>/proc/PID/cmdline as read (NUL-separated), or null when the process is gone.</summary>
    private static string? ArgumentsOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Names(string arguments, string runFolder)
    {
        var inside = runFolder.TrimEnd('/') + "/";
        return arguments.Split('\0').Any(a => a.Contains(inside, StringComparison.Ordinal));
    }
}
