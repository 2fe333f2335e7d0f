namespace DomainLauncher.Translator.Diagnostics;

/// <summary>One problem found in an input, with its code, severity, message and location.</summary>
public sealed record Diagnostic(DiagnosticCode Code, Severity Severity, string Message, SourceLocation Location)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>
    /// The one-line form every tool prints:
    /// <c>FILE:LINE:COL: error DL2003: domain/devices/disk/target: 'foo' is not a disk bus; allowed: ide, scsi</c>.
    /// </summary>
    public string Format()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var path = string.IsNullOrEmpty(Location.Path) ? "" : Location.Path + ": ";
        return $"{Location}: {severity} {Code.Id}: {path}{OneLine(Message)}";
    }

    public override string ToString() => Format();

    // A message is printed on one line whatever text the input smuggled into it.
    private static string OneLine(string text) =>
        text.Contains('\n') || text.Contains('\r') ? text.Replace("\r", "\\r").Replace("\n", "\\n") : text;
}
