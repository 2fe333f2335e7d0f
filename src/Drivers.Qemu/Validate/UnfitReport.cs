using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// What this emulator, accelerator or machine cannot give the guest: before a launch (<c>RefuseUnfit</c>) it refuses the
/// domain; a dry run (to-native) writes it as the domain asks and says in a warning what would happen.
/// </summary>
internal static class UnfitReport
{
    public static void Add(DiagnosticBag diagnostics, bool refuse, DiagnosticCode code, SourceLocation where, string message, string dryRunConsequence)
    {
        if (refuse) diagnostics.Error(code, where, message);
        else diagnostics.Warning(code, where, $"{message}; {dryRunConsequence}, and launch and check refuse the domain");
    }
}
