using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// The result of <see cref="EmulatorProber.ProbeAsync"/>: the profile, or null with at least one error.
/// <see cref="FromCache"/> tells that no process was started; <see cref="ProcessId"/> names the one that
/// was (gone by the time this is returned).
/// </summary>
public sealed record ProfileOutcome(EmulatorProfile? Profile, IReadOnlyList<Diagnostic> Diagnostics, bool FromCache, int? ProcessId)
{
    public bool Succeeded => Profile is not null;
}
