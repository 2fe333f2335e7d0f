using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// Diagnostic codes of <c>check</c>. DL4300-DL4319: what is refused before QEMU starts, because this
/// host cannot provide it and nothing stands in for it, or because this QEMU lacks it. DL6200-DL6249:
/// asking the running emulator for its devices. Starting the emulator reports with <c>ProbeDiagnostics</c>' codes.
/// What the emulator or machine cannot have (DL4302-DL4304, DL4307, DL4308) is refused by the builder
/// itself (<c>QemuDiagnostics</c>, with <c>QemuBuildOptions.RefuseUnfit</c>).
/// </summary>
public static class CheckDiagnostics
{
    public static readonly DiagnosticCode HostDeviceNotSubstitutable = new("DL4300", "a host device cannot be checked on another host");
    public static readonly DiagnosticCode HostSmartcardNotSubstitutable = new("DL4301", "a smartcard on host hardware cannot be checked");
    public static readonly DiagnosticCode ScratchImageFailed = new("DL4305", "a scratch image or file could not be created");
    public static readonly DiagnosticCode FormatNotCreatable = new("DL4306", "no scratch image can be created in the disk's format");
    public static readonly DiagnosticCode TpmNotProvided = new("DL4311", "a TPM needs an emulator process or host device that check does not provide");
    public static readonly DiagnosticCode KvmCouldNotRun = new("DL4309", "KVM could not run the domain; it was checked under TCG");

    public static readonly DiagnosticCode NeedsDeviceSyntax = new("DL6200", "the emulator does not name devices (-device), so they cannot be checked");
    public static readonly DiagnosticCode InventoryFailed = new("DL6201", "asking the emulator for its devices failed");
    public static readonly DiagnosticCode InventoryTimedOut = new("DL6202", "the emulator did not list its devices in time");
    public static readonly DiagnosticCode CheckCancelled = new("DL6203", "the check was cancelled");
}
