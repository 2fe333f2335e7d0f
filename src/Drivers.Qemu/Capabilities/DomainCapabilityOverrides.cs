using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// The emulator as a domain's <c>&lt;qemu:capabilities&gt;</c> has it: each capability it adds is taken as present and
/// each it deletes as absent, for the whole build (checks, plan and emitters alike), by libvirt's names. A name this tool
/// has no capability for changes nothing it writes, and is named in a warning. The domain is tainted (launch and check
/// refuse it unless told otherwise).
/// </summary>
internal static class DomainCapabilityOverrides
{
    public static EmulatorDescription Apply(Domain domain, EmulatorDescription emulator, DiagnosticBag diagnostics)
    {
        if (domain.QemuCapabilities is not { } overrides) return emulator;
        var capabilities = emulator.Capabilities
            .With(Known(overrides.Add, overrides.Location, diagnostics))
            .Without(Known(overrides.Remove, overrides.Location, diagnostics));
        return emulator with { Capabilities = capabilities };
    }

    private static List<QemuCapability> Known(IEnumerable<string> names, SourceLocation location, DiagnosticBag diagnostics)
    {
        var known = new List<QemuCapability>();
        foreach (var name in names)
        {
            if (QemuCapabilityNames.TryParse(name, out var capability)) known.Add(capability);
            else
                diagnostics.Warning(QemuDiagnostics.UnknownCapability, location,
                    $"<qemu:capabilities> names '{name}', which is no capability this tool decides anything by; it changes nothing here");
        }
        return known;
    }
}
