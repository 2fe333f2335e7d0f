using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>A profile read from a file: the profile, or null with at least one error saying where and what.</summary>
public sealed record ProfileReadResult(EmulatorProfile? Profile, IReadOnlyList<Diagnostic> Diagnostics);
