using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// An address whose type does not fit whether the device sits on PCI, refused at the device as libvirt refuses most
/// of them: a device the planner puts on a PCI bus that gives another type of address (a virtio disk's drive
/// address, an i6300esb watchdog's ISA address, a NIC's USB address: "virtio disk cannot have an address of type
/// 'drive'"), or a device that does not sit on PCI that gives a PCI address (an ib700 watchdog, a USB sound card:
/// "ib700 model of watchdog does not support configuring the address"). Placed in a free slot instead, the device
/// would sit where the document does not say; dropped, its place would be lost; written, the PCI address would be
/// one QEMU's device cannot take. The one refusal of both PCI address assigners, with the code the translator's
/// validation gives a USB device's address of another type (DL3205): which devices sit on PCI is the driver's to
/// say, the rule is the same. (The address types the driver places no device at never get here: the validation
/// refuses them first, DL4310.)
/// </summary>
internal static class PciAddressTypeRefusal
{
    /// <summary>A device on PCI that gives <paramref name="address"/>, of another type.</summary>
    public static PciAddress? OnPci(DiagnosticBag refusals, SourceLocation device, string what, DeviceAddress address)
    {
        refusals.Error(DiagnosticCatalog.AddressTypeMismatch, device,
            $"{what} sits on a PCI bus, and <address type='{AddressTypeXml.Table.ToXml(address.Type)}'> cannot place it there; give a PCI address, or none");
        return null;
    }

    /// <summary>A device that does not sit on PCI and gives a PCI address.</summary>
    public static PciAddress? OffPci(DiagnosticBag refusals, SourceLocation device, string what)
    {
        refusals.Error(DiagnosticCatalog.AddressTypeMismatch, device,
            $"{what} does not sit on a PCI bus, and <address type='pci'> cannot place it; leave the address out");
        return null;
    }
}
