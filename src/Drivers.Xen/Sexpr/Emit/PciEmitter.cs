using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// <c>(device (pci (dev (domain 0x0000)(bus 0x00)(slot 0x00)(func 0x0)) ...))</c>: one device
/// block for every passed-through PCI device together (xend's own layout). Other host devices
/// are not part of the xend configuration (the validator warned about them).
/// </summary>
internal static class PciEmitter
{
    public static IEnumerable<SexprNode> Emit(XenSexprContext ctx)
    {
        var devices = ctx.Domain.Devices.HostDevices
            .Select(h => h.Source)
            .OfType<PciHostDeviceSource>()
            .Select(Dev)
            .ToList();
        if (devices.Count > 0) yield return Sx.List("device", Sx.List("pci", devices));
    }

    private static SexprNode Dev(PciHostDeviceSource pci) => Sx.List("dev",
        Sx.List("domain", Sx.Hex(pci.Domain ?? 0, 4)),
        Sx.List("bus", Sx.Hex(pci.Bus ?? 0, 2)),
        Sx.List("slot", Sx.Hex(pci.Slot ?? 0, 2)),
        Sx.List("func", Sx.Hex(pci.Function ?? 0, 1)));
}
