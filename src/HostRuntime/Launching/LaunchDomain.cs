using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>What <see cref="LaunchPreparation.Load"/> gave: the domain, whose <c>&lt;emulator&gt;</c> is set, or null with at least one error.</summary>
public sealed record LaunchDomain(Domain? Domain, IReadOnlyList<Diagnostic> Diagnostics);
