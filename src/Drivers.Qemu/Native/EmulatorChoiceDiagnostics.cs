using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Native;

/// <summary>
/// Codes for choosing the emulator a domain runs under (DL1100-DL1149): no binary could be named for
/// the domain, or its guest architecture could not be told. Shared by <c>to-native</c> (which names
/// the binary from what it was told) and the host side (which looks on PATH or takes the domain's).
/// </summary>
public static class EmulatorChoiceDiagnostics
{
    public static readonly DiagnosticCode NoEmulator = new("DL1100", "no emulator for the domain");
    public static readonly DiagnosticCode UnknownArch = new("DL1101", "guest architecture unknown");
}
