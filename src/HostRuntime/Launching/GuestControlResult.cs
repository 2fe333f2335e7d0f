using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>The guest after a lifecycle command, or null with the error that stopped it.</summary>
public sealed record GuestControlResult(GuestStatus? Guest, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Guest is not null;
}
