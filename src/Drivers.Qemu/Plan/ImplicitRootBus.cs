using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The machine's root PCI bus (pci-root, pcie-root) is built into QEMU's machine: declaring it asks
/// for nothing on the command line. The planner and emitters see the domain without it, exactly as
/// a domain that does not declare it (validation has already refused a root that asks for more).
/// </summary>
internal static class ImplicitRootBus
{
    public static Domain Without(Domain domain)
    {
        var controllers = domain.Devices.Controllers;
        if (!controllers.Any(IsRoot)) return domain;
        // Loops, not Where and OfType: nearly every document declares its root bus (the defaults add it).
        var others = ImmutableArray.CreateBuilder<Controller>(controllers.Length - 1);
        foreach (var c in controllers)
            if (!IsRoot(c)) others.Add(c);
        return domain with { Devices = domain.Devices with { Controllers = others.DrainToImmutable() } };
    }

    /// <summary>Whether the declared root bus offers hotplug (<c>&lt;target hotplug&gt;</c>), null when it does not say.</summary>
    public static bool? Hotplug(Domain domain)
    {
        foreach (var c in domain.Devices.Controllers)
            if (c is PciController { IsRoot: true } root) return root.Target?.Hotplug;
        return null;
    }

    private static bool IsRoot(Controller c) => c is PciController { IsRoot: true };
}
