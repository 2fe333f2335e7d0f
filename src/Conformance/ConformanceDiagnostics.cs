using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Conformance;

/// <summary>
/// The conformance runner's own diagnostic codes (DL1102-DL1104, kept from when the command held
/// them): a suite folder whose manifest cannot be read or names a suite no runner exists for, and a
/// result file that cannot be written.
/// </summary>
public static class ConformanceDiagnostics
{
    public static readonly DiagnosticCode UnsupportedSuite = new("DL1102", "conformance suite not supported");
    public static readonly DiagnosticCode ResultNotWritten = new("DL1103", "result file cannot be written");
    public static readonly DiagnosticCode InvalidManifestHeader = new("DL1104", "suite manifest unreadable");
}
