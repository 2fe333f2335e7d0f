using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// The PCI addresses of one plan's devices: when the plan assigns addresses, the one a device was given or else the
/// next free slot of the assigner; otherwise only the one it was given.
/// </summary>
// One object the planner hands to each device family's planner, where a delegate over the planner's locals was a
// closure and a delegate per family (eight) for every document.
internal sealed class PciSlots(IPciAddressAssigner assigner, bool assign)
{
    /// <summary>
    /// The address of the device at <paramref name="device"/>, null for a device that does not sit on PCI
    /// (<paramref name="isPci"/> false); <paramref name="what"/> names it in a refusal (no slot left, an address of a
    /// type that does not fit).
    /// </summary>
    public PciAddress? Place(DeviceAddress? address, SourceLocation device, string what, bool isPci = true, PciSlotKind kind = PciSlotKind.Express) =>
        !isPci ? (address is PciAddress ? assigner.RefuseOffPci(device, what) : null)
        : assign ? assigner.Assign(address, device, what, kind)
        : address as PciAddress;
}
