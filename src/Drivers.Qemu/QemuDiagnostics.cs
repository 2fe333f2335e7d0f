using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu;

/// <summary>
/// The QEMU driver's diagnostic codes (DL4000-DL4049 for its infrastructure: capability lists,
/// host settings, conformance manifests). Kept beside the driver rather than in the shared catalog.
/// </summary>
public static class QemuDiagnostics
{
    public static readonly DiagnosticCode UnknownCapability = new("DL4000", "unknown QEMU capability");
    public static readonly DiagnosticCode InvalidHostSettings = new("DL4001", "invalid host settings");
    public static readonly DiagnosticCode UnknownSetting = new("DL4002", "unknown setting ignored");
    public static readonly DiagnosticCode InvalidManifest = new("DL4003", "invalid conformance manifest");
    public static readonly DiagnosticCode UndefinedCpuMapReference = new("DL4004", "CPU map refers to an undefined name");
}
