using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli;

/// <summary>
/// The command-line tool's own diagnostic codes (DL1100-DL1149): problems with what the commands
/// were given that belong to no library, such as a domain the tool cannot find an emulator for.
/// </summary>
internal static class CliDiagnostics
{
    public static readonly DiagnosticCode NoEmulator = new("DL1100", "no emulator for the domain");
    public static readonly DiagnosticCode UnknownArch = new("DL1101", "guest architecture unknown");
    public static readonly DiagnosticCode UnsupportedSuite = new("DL1102", "conformance suite not supported");
    public static readonly DiagnosticCode ResultNotWritten = new("DL1103", "result file cannot be written");
    public static readonly DiagnosticCode InvalidManifestHeader = new("DL1104", "suite manifest unreadable");
}
