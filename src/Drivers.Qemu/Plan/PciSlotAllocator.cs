using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Hands out PCI slots on bus 0 the way libvirt does for a PC machine: slots 0 (host bridge),
/// 1 (PIIX3: IDE, USB) and 2 (the primary video card) are taken, slots given in the XML are
/// taken, and each device without an address gets the lowest free slot, function 0.
/// </summary>
internal sealed class PciSlotAllocator
{
    private const uint SlotCount = 32;
    private readonly bool[] _taken = new bool[SlotCount];
    private readonly bool[] _given = new bool[SlotCount];

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

    /// <summary>The device's own PCI address when it has one, else the next free slot; null when the bus is full.</summary>
    public PciAddress? Assign(DeviceAddress? address)
    {
        if (address is PciAddress pci) return pci;
        if (address is not null) return null;
        for (uint slot = 0; slot < SlotCount; slot++)
        {
            if (_taken[slot]) continue;
            _taken[slot] = true;
            return new PciAddress { Domain = 0, Bus = 0, Slot = slot, Function = 0 };
        }
        return null;
    }
}
