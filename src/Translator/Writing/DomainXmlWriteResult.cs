using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Writing;

/// <summary>The XML text of a domain, or null with the errors that refused it.</summary>
public sealed record DomainXmlWriteResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Text is not null;
}
