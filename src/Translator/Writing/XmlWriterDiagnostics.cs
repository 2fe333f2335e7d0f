using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Writing;

/// <summary>The diagnostic codes of the domain XML writer.</summary>
public static class XmlWriterDiagnostics
{
    /// <summary>A value holds a character XML 1.0 cannot carry: written, it would make the document malformed.</summary>
    public static readonly DiagnosticCode UnrepresentableCharacter = new("DL1090", "character XML cannot carry");
}
