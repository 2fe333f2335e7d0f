using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Xml;

/// <summary>What reading one input file gave: its bytes, or the one located diagnostic that says why not.</summary>
public sealed record InputFileRead(byte[]? Bytes, Diagnostic? Error)
{
    public static InputFileRead Failed(DiagnosticCode code, string path, string message) =>
        new(null, new Diagnostic(code, Severity.Error, message, SourceLocation.OfFile(path)));
}
