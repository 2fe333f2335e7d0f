using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>Diagnostic codes for the capabilities documents (DL6100-DL6149).</summary>
public static class CapabilitiesXmlDiagnostics
{
    public static readonly DiagnosticCode KvmNotUsable = new("DL6100", "KVM is not usable on this host");
    public static readonly DiagnosticCode KvmNotInEmulator = new("DL6101", "the emulator has no KVM support");
    public static readonly DiagnosticCode UnknownMachine = new("DL6102", "the emulator has no such machine type");
    public static readonly DiagnosticCode ArchMismatch = new("DL6103", "the emulator does not emulate the requested arch");
    public static readonly DiagnosticCode NoDefaultMachine = new("DL6104", "the emulator names no default machine type");
    public static readonly DiagnosticCode NoEmulatorFound = new("DL6105", "no emulator found for the arch");
    public static readonly DiagnosticCode EmulatorSkipped = new("DL6106", "an emulator on PATH was left out of the host capabilities");
    public static readonly DiagnosticCode NoTcg = new("DL6107", "the emulator has no TCG (plain emulation)");
    public static readonly DiagnosticCode Unwritable = new("DL6108", "the emulator's answer cannot be written as XML");
}
