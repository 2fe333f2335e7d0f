using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// The result of a launch: the running guest, or null with at least one error. When it failed, no
/// emulator process of this launch is alive and its run directory is gone (unless the failure is that
/// another command holds the domain or the domain already runs: that directory is not ours to touch).
/// Warnings from the command-line builder accompany either.
/// </summary>
public sealed record LaunchOutcome(LaunchedGuest? Guest, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Guest is not null;
}
