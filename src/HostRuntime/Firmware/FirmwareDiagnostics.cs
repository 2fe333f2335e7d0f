using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Firmware;

/// <summary>Diagnostic codes of the host's firmware files (DL6310-DL6319).</summary>
public static class FirmwareDiagnostics
{
    public static readonly DiagnosticCode FlashImageMissing = new("DL6310", "a firmware flash image the domain needs is not on this host");
    public static readonly DiagnosticCode NvramNotCreated = new("DL6311", "the UEFI variable store could not be created from its template");
}
