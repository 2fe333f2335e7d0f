using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// A PCI controller that adds a bus, as QEMU gets it: the device type, the id other devices name as their
/// bus, its address on its parent bus and the guest-visible numbering libvirt fills in (chassis and port of
/// a PCI Express port, chassis_nr of a pci-bridge, bus_nr and NUMA node of an expander bus).
/// </summary>
public sealed record PlannedPciController(uint Index, PciControllerModel Model, string QemuType, string Alias, PciAddress Address, SourceLocation Location)
{
    /// <summary>Added by the planner (libvirt adds it to the domain), not declared.</summary>
    public bool Implicit { get; init; }
    public uint? Chassis { get; init; }
    public uint? Port { get; init; }
    public uint? ChassisNr { get; init; }
    public uint? BusNr { get; init; }
    public uint? NumaNode { get; init; }
    public bool? Hotplug { get; init; }
}
