namespace DomainLauncher.Translator.Diagnostics;

/// <summary>How serious a diagnostic is. Any error stops translation; warnings never do.</summary>
public enum Severity
{
    Warning,
    Error,
}
