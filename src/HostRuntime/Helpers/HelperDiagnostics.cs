using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>Diagnostic codes for the helper processes a launch starts beside QEMU and the per-domain state they keep (DL6400-DL6499).</summary>
public static class HelperDiagnostics
{
    public static readonly DiagnosticCode HelperMissing = new("DL6400", "a helper program the domain needs is not installed");
    public static readonly DiagnosticCode HelperCannotRun = new("DL6401", "a helper program cannot run as this user");
    public static readonly DiagnosticCode HelperFailed = new("DL6402", "a helper process failed while starting");
    public static readonly DiagnosticCode TpmStateNotCreated = new("DL6403", "the TPM emulator's state could not be created");
    public static readonly DiagnosticCode StateUnusable = new("DL6404", "the per-domain state folder cannot be created or used");
    public static readonly DiagnosticCode BridgeHelperMissing = new("DL6405", "QEMU's bridge helper is not installed");
    public static readonly DiagnosticCode BridgeNotAllowed = new("DL6406", "the bridge helper's ACL does not allow the bridge");
    public static readonly DiagnosticCode NetworkUnknown = new("DL6407", "a libvirt network is not defined on this host or names no bridge");
    public static readonly DiagnosticCode BridgeMissing = new("DL6408", "the bridge does not exist on this host");
    public static readonly DiagnosticCode TpmPassphraseMissing = new("DL6409", "the passphrase that encrypts a TPM emulator's state is not in the host's secret folder");
}
