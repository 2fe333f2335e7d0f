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

    // DL4050-DL4199: building the command line (validation against the emulator and host).
    public static readonly DiagnosticCode UnsupportedByEmulator = new("DL4050", "the emulator lacks a capability the domain needs");
    public static readonly DiagnosticCode UnsupportedByHost = new("DL4051", "the host configuration does not allow what the domain needs");
    public static readonly DiagnosticCode UnsupportedDevice = new("DL4052", "the device cannot be expressed on a QEMU command line");

    // DL4100-DL4119: character devices, channels, filesystems, disk extras, SMBIOS and NUMA.
    public static readonly DiagnosticCode MissingHostSecret = new("DL4100", "the secret the domain refers to is not defined on the host");
    public static readonly DiagnosticCode MissingSysinfo = new("DL4101", "SMBIOS values are taken from <sysinfo>, which the domain lacks");
    public static readonly DiagnosticCode NumaCellCpus = new("DL4102", "a NUMA cell's CPUs cannot be given to QEMU's -numa");
}
