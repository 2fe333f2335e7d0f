using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A domain with <c>&lt;qemu:commandline&gt;</c> arguments or environment is "tainted", as libvirt calls
/// it: those words reach QEMU unchecked, so a document that holds them can make QEMU read or write any
/// file the user can. Validation says so; launching such a domain takes the user's explicit consent.
/// </summary>
internal sealed class TaintCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (domain.QemuCapabilities is { } overrides)
            diagnostics.Warning(DiagnosticCatalog.Tainted, overrides.Location,
                $"the domain is tainted: <qemu:capabilities> adds {overrides.Add.Length} and removes {overrides.Remove.Length} QEMU capabilities, " +
                "overriding what the emulator is known to support; launch and check refuse it unless told to allow it");
        if (domain.QemuOverride is { } properties)
            diagnostics.Warning(DiagnosticCatalog.Tainted, properties.Location,
                $"the domain is tainted: <qemu:override> sets properties on {properties.Devices.Length} QEMU device(s) unchecked; " +
                "launch and check refuse it unless told to allow it");
        if (domain.QemuCommandLine is not { } raw || (raw.Args.IsEmpty && raw.Environment.IsEmpty)) return;
        var parts = new List<string>();
        if (!raw.Args.IsEmpty) parts.Add($"{raw.Args.Length} argument(s)");
        if (!raw.Environment.IsEmpty) parts.Add($"{raw.Environment.Length} environment variable(s)");
        diagnostics.Warning(DiagnosticCatalog.Tainted, raw.Location,
            $"the domain is tainted: <qemu:commandline> passes {string.Join(" and ", parts)} to QEMU unchecked; " +
            "they can make QEMU open any file or run anything the user can, so launch and check refuse it unless told to allow it");
    }
}
