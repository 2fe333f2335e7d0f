using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Hands out PCI slots on bus 0 the way libvirt does for a PC machine: slots 0 (host bridge),
/// 1 (PIIX3: IDE, USB) and 2 (the primary video card) are taken, slots given in the XML are
/// taken, and each device without an address gets the lowest free slot, function 0. When no slot is
/// left the device is refused at its element (issue 11, item 12), never emitted without an address.
/// </summary>
internal sealed class PciSlotAllocator : IPciAddressAssigner
{
    private const uint SlotCount = 32;
    private readonly bool[] _taken = new bool[SlotCount];
    private readonly bool[] _given = new bool[SlotCount];
    private readonly DiagnosticBag _refusals = new();

    // Every slot below this one is taken, so a search starts here (each device costs O(1) amortized).
    private uint _lowestFree;

    public PciSlotAllocator()
    {
        _taken[0] = _taken[1] = _taken[2] = true;
    }

    /// <summary>Marks the slot of an address given in the XML as taken.</summary>
    public void Reserve(DeviceAddress? address)
    {
        if (address is PciAddress { Bus: null or 0, Slot: { } slot } && slot < SlotCount) _taken[slot] = _given[slot] = true;
    }

    /// <summary>Whether an address given in the XML names this slot of bus 0.</summary>
    public bool IsGiven(uint slot) => slot < SlotCount && _given[slot];

    /// <summary>Slot 2, which libvirt 0.10.2 holds for the primary video card, unless an address in the XML took it.</summary>
    public PciAddress? PrimaryVideoSlot => IsGiven(2) ? null : new PciAddress { Domain = 0, Bus = 0, Slot = 2, Function = 0 };

    /// <summary>libvirt 0.10.2 placed every machine the same way, on one bus.</summary>
    public PciMachineFamily Family => PciMachineFamily.Other;

    /// <summary>libvirt 0.10.2 had no PCI controllers: one bus, named pci.0.</summary>
    public PciTopology Topology() => PciTopology.Legacy;

    /// <summary>The devices that found no free slot, each refused at its element.</summary>
    public IReadOnlyList<Diagnostic> Refusals => _refusals.Items;

    /// <summary>Refuses the PCI address given on a device that does not sit on PCI (<see cref="PciAddressTypeRefusal"/>).</summary>
    public PciAddress? RefuseOffPci(SourceLocation device, string what) => PciAddressTypeRefusal.OffPci(_refusals, device, what);

    /// <summary>
    /// The device's own PCI address when it has one, else the next free slot; null when its address is of
    /// another type or the bus is full, each refused at <paramref name="device"/>.
    /// </summary>
    public PciAddress? Assign(DeviceAddress? address, SourceLocation device, string what, PciSlotKind kind = PciSlotKind.Express)
    {
        // libvirt 0.10.2 knew one bus: every device is conventional PCI on it.
        _ = kind;
        if (address is PciAddress pci) return pci;
        if (address is not null) return PciAddressTypeRefusal.OnPci(_refusals, device, what, address);
        while (_lowestFree < SlotCount && _taken[_lowestFree]) _lowestFree++;
        if (_lowestFree == SlotCount)
        {
            _refusals.Error(QemuDiagnostics.PciSlotsExhausted, device,
                $"{what} needs a PCI slot, and all {SlotCount} slots of bus 0 are taken (slots 0-2 by the host bridge, PIIX3 and the primary video card)");
            return null;
        }
        _taken[_lowestFree] = true;
        return new PciAddress { Domain = 0, Bus = 0, Slot = _lowestFree, Function = 0 };
    }
}
