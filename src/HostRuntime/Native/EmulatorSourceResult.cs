using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Profiles;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>What <see cref="EmulatorSelection.ResolveAsync"/> found: the profile, or null with at least one error.</summary>
public sealed record EmulatorSourceResult(EmulatorProfile? Profile, IReadOnlyList<Diagnostic> Diagnostics, bool FromCache, int? ProcessId)
{
    /// <summary>The emulator as the command-line builder takes it; null when there is no profile.</summary>
    public EmulatorDescription? Description => Profile?.Describe();
}
