using System.Globalization;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>A PCI function as QEMU's <c>query-pci</c> reports it: bus number, slot and function (<c>00:05.0</c>).</summary>
public sealed record PciSlot(uint Bus, uint Slot, uint Function)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Bus:x2}:{Slot:x2}.{Function:x}");
}
