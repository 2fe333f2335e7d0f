using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// The planner's one way to a device's PCI address: libvirt 0.10.2's slot allocator for legacy emulators,
/// libvirt 9's topology for modern ones. Every device that sits on PCI asks here, in libvirt's order.
/// </summary>
internal interface IPciAddressAssigner
{
    /// <summary>
    /// Marks an address the XML gives as taken before anything is placed (the legacy allocator learns them
    /// this way; the topology reads every device's own when it is made).
    /// </summary>
    void Reserve(DeviceAddress? address);

    /// <summary>
    /// The device's planned address: its own when the XML gives one, else a free place that fits
    /// <paramref name="kind"/>; null when its address is of another type or no place is left, each refused
    /// at <paramref name="device"/>, described as <paramref name="what"/> (see <see cref="PciAddressTypeRefusal"/>).
    /// </summary>
    PciAddress? Assign(DeviceAddress? address, SourceLocation device, string what, PciSlotKind kind);

    /// <summary>Refuses the PCI address a device that does not sit on PCI gives (an ISA watchdog, a USB sound card); null.</summary>
    PciAddress? RefuseOffPci(SourceLocation device, string what);

    /// <summary>The chipset whose topology the placement follows; <see cref="PciMachineFamily.Other"/> for libvirt 0.10.2's single bus.</summary>
    PciMachineFamily Family { get; }

    /// <summary>Where the primary video card goes when the XML does not say, or null when no slot is held for it.</summary>
    PciAddress? PrimaryVideoSlot { get; }

    /// <summary>The PCI buses and the controllers that add them, once every device has its address.</summary>
    PciTopology Topology();

    /// <summary>The devices refused a place, each at its element.</summary>
    IReadOnlyList<Diagnostic> Refusals { get; }
}
