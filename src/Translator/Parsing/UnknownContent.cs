using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// What becomes of elements and attributes no parser understood. Reading a document (validate)
/// only warns: newer XML carries newer elements. Acting on it (to-native, launch, check) refuses
/// them, because the guest would be built without what they ask for and nobody would notice;
/// a user who knows better says so explicitly and gets the warnings back.
/// </summary>
public static class UnknownContent
{
    /// <summary>The option that lets a command go on without what it does not understand.</summary>
    public const string AllowOption = "--allow-unknown";

    /// <summary>
    /// The loaded domain as a command acting on it sees it: unless <paramref name="allowUnknown"/>,
    /// each unknown-element or -attribute warning becomes an error at the same place and the domain is withheld.
    /// </summary>
    public static DomainParseResult ForUse(DomainParseResult loaded, bool allowUnknown)
    {
        if (allowUnknown || !loaded.Diagnostics.Any(IsUnknown)) return loaded;
        var diagnostics = loaded.Diagnostics.Select(d => IsUnknown(d) ? Refusal(d) : d).ToList();
        return new DomainParseResult(null, diagnostics);
    }

    private static bool IsUnknown(Diagnostic d) =>
        d.Code == DiagnosticCatalog.UnknownElement || d.Code == DiagnosticCatalog.UnknownAttribute;

    private static Diagnostic Refusal(Diagnostic warning)
    {
        var code = warning.Code == DiagnosticCatalog.UnknownElement
            ? DiagnosticCatalog.UnknownElementRefused
            : DiagnosticCatalog.UnknownAttributeRefused;
        // "unknown element <x> ignored; did you mean ..." becomes "element <x> is not understood ...; did you mean ...".
        var message = warning.Message
            .Replace("unknown ", "", StringComparison.Ordinal)
            .Replace(" ignored", " is not understood, so the guest would not get it", StringComparison.Ordinal);
        return new Diagnostic(code, Severity.Error, $"{message} ({AllowOption} goes on without it)", warning.Location);
    }
}
