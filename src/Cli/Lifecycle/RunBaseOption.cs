using System.CommandLine;
using System.Globalization;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Lifecycle;

/// <summary>The <c>--run-dir</c> option every lifecycle command takes, and the default it stands for.</summary>
internal static class RunBaseOption
{
    public static Option<string> Create() => new("--run-dir")
    {
        Description = "The folder holding one run directory per domain (default: $XDG_RUNTIME_DIR/domainlauncher, " +
            "/run/domainlauncher for root, else /tmp/domainlauncher-UID).",
        HelpName = "DIR",
    };

    /// <summary>The given folder, else <see cref="RunDirectory.DefaultBase"/> for this user.</summary>
    public static string Resolve(string? given) =>
        given ?? RunDirectory.DefaultBase(Environment.GetEnvironmentVariable, EffectiveUserId());

    /// <summary>The effective user id from /proc/self/status ("Uid: real effective saved fs"); .NET has no API for it.</summary>
    private static uint EffectiveUserId()
    {
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
