using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Native;

/// <summary>
/// Codes for choosing the emulator a domain runs under (DL1100-DL1149): no binary could be named for
/// the domain, its guest architecture could not be told, or the emulator runs guests of another one. Shared by <c>to-native</c> (which names
/// the binary from what it was told) and the host side (which looks on PATH or takes the domain's).
/// </summary>
public static class EmulatorChoiceDiagnostics
{
    public static readonly DiagnosticCode NoEmulator = new("DL1100", "no emulator for the domain");
    public static readonly DiagnosticCode UnknownArch = new("DL1101", "guest architecture unknown");
    public static readonly DiagnosticCode ArchNotEmulated = new("DL1105", "the emulator does not run the guest architecture");

    /// <summary>The message of <see cref="ArchNotEmulated"/>, the same where the emulator is named and where it is built for.</summary>
    public static string ArchNotEmulatedMessage(string guestArch, string emulatorPath, string emulatorArch) =>
        $"the domain's architecture is '{guestArch}', and the emulator '{emulatorPath}' runs {emulatorArch} guests; name an emulator for {guestArch}";
}
