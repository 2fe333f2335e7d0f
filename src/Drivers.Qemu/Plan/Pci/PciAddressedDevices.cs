using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// The PCI addresses a domain's devices give, with where each is, except the PCI controllers' (the topology reads
/// those as buses): the addresses libvirt checks and reserves before it places anything.
/// </summary>
internal static class PciAddressedDevices
{
    /// <summary>
    /// In device order. Only the PCI addresses are gathered: most devices give none, and a list of every device's address,
    /// given or not, was a list of the document's size for every document placed.
    /// </summary>
    public static List<(PciAddress Address, SourceLocation Location)> Of(Domain domain)
    {
        // Made without room: a document that gives no PCI address costs no array.
        var gathering = new Gathering { Given = [] };
        AddressedDevices.Visit(domain.Devices, ref gathering);
        return gathering.Given;
    }

    private struct Gathering : IAddressedDeviceVisitor
    {
        public List<(PciAddress Address, SourceLocation Location)> Given;

        public readonly void Visit(object device, DeviceAddress address, SourceLocation location)
        {
            if (address is not PciAddress pci) return;
            // The PCI controllers' own addresses are the topology's: it reads them as buses.
            if (device is PciController) return;
            // A serial console is a view of a serial port, with the port's address: the port holds the slot.
            if (device is CharDevice { Target: ConsoleTarget { Type: ConsoleTargetType.Serial } }) return;
            Given.Add((pci, location));
        }
    }
}
