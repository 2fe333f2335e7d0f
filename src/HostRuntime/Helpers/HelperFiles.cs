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
            if (dash <= 0 || ReadPid(file) is not { } pid || !BelongsTo(pid, runFolder)) continue;
            found.Add(new RunningHelper(name[..dash], name[(dash + 1)..], pid));
        }
        return found;
    }

    public static int? ReadPid(string pidFile)
    {
        try
        {
            var text = File.ReadAllText(pidFile).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The process lives and one of its arguments names a path inside <paramref name="runFolder"/>.</summary>
    public static bool BelongsTo(int pid, string runFolder)
    {
        if (!EmulatorLiveness.IsAlive(pid)) return false;
        try
        {
            var inside = runFolder.TrimEnd('/') + "/";
            var arguments = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Split('\0');
            return arguments.Any(a => a.Contains(inside, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
