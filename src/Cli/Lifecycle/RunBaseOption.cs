using System.CommandLine;
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

    /// <summary>The given folder, else <see cref="RunBases.ForThisUser"/>.</summary>
    public static string Resolve(string? given) => given ?? RunBases.ForThisUser();
}
