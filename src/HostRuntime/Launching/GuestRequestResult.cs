using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>What a request to a running guest answered (text to print), or null with the error that stopped it.</summary>
public sealed record GuestRequestResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics);
