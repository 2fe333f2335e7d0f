using System.Globalization;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>The run base of this process's user when none is given (<see cref="RunDirectory.DefaultBase"/>, from the environment and the effective user id).</summary>
public static class RunBases
{
    public static string ForThisUser() => RunDirectory.DefaultBase(Environment.GetEnvironmentVariable, EffectiveUserId());

    /// <summary>
    /// The effective user id: 0 for root (<see cref="Environment.IsPrivilegedProcess"/>, one system call), else from
    /// /proc/self/status ("Uid: real effective saved fs"), since .NET has no API for the number.
    /// </summary>
    internal static uint EffectiveUserId()
    {
        if (Environment.IsPrivilegedProcess) return 0;
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            var fields = line?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (fields is { Length: >= 3 } && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)) return uid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return uint.MaxValue; // unknown: not root, so the per-user fallback
    }
}
