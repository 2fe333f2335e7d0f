using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -device for the PCI controllers that add buses (pcie-root-port, pci-bridge, i82801b11-bridge,
// pcie-pci-bridge, x3130-upstream, xio3130-downstream, pxb, pxb-pcie), in index order, before any device
// that sits behind them.
internal static class PciControllerEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        foreach (var c in ctx.Plan.PciBuses.Controllers)
        {
            args.Add("-device");
            args.Add(Device(c, ctx.Plan.PciBuses).ToString());
        }
    }

    private static QemuOpts Device(PlannedPciController c, PciTopology buses)
    {
        var opts = new QemuOpts(c.QemuType);
        if (c.Port is { } port) opts.Add("port", port);
        if (c.Chassis is { } chassis) opts.Add("chassis", chassis);
        if (c.ChassisNr is { } chassisNr) opts.Add("chassis_nr", chassisNr);
        if (c.BusNr is { } busNr) opts.Add("bus_nr", busNr);
        if (c.NumaNode is { } node) opts.Add("numa_node", node);
        opts.Add("id", c.Alias);
        if (c.Hotplug is { } hotplug) opts.AddOnOff("hotplug", hotplug);
        return PciEmitter.AddAddress(opts, c.Address, buses);
    }
}
