using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>The one refusal of a domain part that needs an emulator capability the emulator lacks, for every check.</summary>
internal static class CapabilityNeeds
{
    /// <summary>Refuses <paramref name="what"/>, at <paramref name="where"/>, when the emulator lacks <paramref name="capability"/>.</summary>
    public static void Check(QemuCheckInput input, DiagnosticBag diagnostics, QemuCapability capability, SourceLocation where, string what)
    {
        if (!input.Has(capability))
            diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, where,
                $"{what} needs the emulator capability '{QemuCapabilityNames.Name(capability)}', which '{input.Emulator.Path}' lacks");
    }
}
