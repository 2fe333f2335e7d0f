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
        // Every part may carry input text (a file name, a path, a value quoted in the message).
        return TerminalText.Escape($"{Location}: {severity} {Code.Id}: {path}{Message}");
    }

    public override string ToString() => Format();
}
