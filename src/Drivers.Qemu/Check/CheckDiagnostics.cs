using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Check;

/// <summary>Diagnostic codes of the live device check (DL6200-DL6249); starting the emulator reports with <c>ProbeDiagnostics</c>' codes.</summary>
public static class CheckDiagnostics
{
    public static readonly DiagnosticCode NeedsDeviceSyntax = new("DL6200", "the emulator does not name devices (-device), so they cannot be checked");
    public static readonly DiagnosticCode InventoryFailed = new("DL6201", "asking the emulator for its devices failed");
    public static readonly DiagnosticCode InventoryTimedOut = new("DL6202", "the emulator did not list its devices in time");
    public static readonly DiagnosticCode CheckCancelled = new("DL6203", "the check was cancelled");
}
