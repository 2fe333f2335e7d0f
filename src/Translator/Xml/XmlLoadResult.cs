using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Xml;

/// <summary>The root element of a loaded document, or the one diagnostic saying why there is none.</summary>
public sealed record XmlLoadResult(SourceElement? Root, Diagnostic? Error)
{
    public bool Succeeded => Root is not null;
}
