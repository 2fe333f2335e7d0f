using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// The PCI buses of the guest: the machine's root bus and what the PCI controllers add. Bus N of an address
/// is the controller of index N; QEMU knows it by that controller's id.
/// </summary>
public sealed record PciTopology(string RootBusId, ImmutableArray<PlannedPciController> Controllers)
{
    /// <summary>libvirt 0.10.2's view: one bus, <c>pci.N</c> by number.</summary>
    public static readonly PciTopology Legacy = new("pci.0", []);

    /// <summary>The id QEMU knows bus <paramref name="bus"/> by.</summary>
    public string BusId(uint bus)
    {
        if (bus == 0) return RootBusId;
        foreach (var c in Controllers)
            if (c.Index == bus) return c.Alias;
        return $"pci.{bus}";
    }
}
