using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Cpu;

/// <summary>
/// Diagnostic codes for deciding the guest CPU (<c>-cpu</c>), DL4200-DL4249. Each refuses the build:
/// the domain's CPU request cannot be satisfied by this emulator on this host.
/// </summary>
public static class CpuDiagnostics
{
    public static readonly DiagnosticCode CpuSpecificationUnsupported = new("DL4200", "CPU specification not supported by the hypervisor");
    public static readonly DiagnosticCode CpuModeNeedsCapability = new("DL4201", "CPU mode not supported by the emulator");
    public static readonly DiagnosticCode CpuModeNeedsKvm = new("DL4202", "CPU mode needs a KVM domain");
    public static readonly DiagnosticCode CpuModelNotSupported = new("DL4203", "CPU model not supported by the emulator");
    public static readonly DiagnosticCode IncompatibleWithHost = new("DL4204", "guest CPU is not compatible with the host CPU");
    public static readonly DiagnosticCode UnknownCpuModel = new("DL4205", "CPU model not in the CPU map");
    public static readonly DiagnosticCode UnknownCpuFeature = new("DL4206", "CPU feature not in the CPU map");
    public static readonly DiagnosticCode NoSuitableCpuModel = new("DL4207", "no CPU model fits the guest CPU");
    public static readonly DiagnosticCode UnsupportedCpuArch = new("DL4208", "no CPU driver for the host architecture");
}
