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
}
