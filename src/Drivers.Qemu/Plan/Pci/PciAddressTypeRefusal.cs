using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// A device the planner puts on a PCI bus that gives an address of another type (a virtio disk's drive address, an
/// i6300esb watchdog's ISA address, a NIC's USB address): refused at the device, as libvirt refuses most of them
/// ("virtio disk cannot have an address of type 'drive'"). Placed in a free slot instead, the device would sit where
/// the document does not say, and dropped from the command line it would be lost. The one refusal of both PCI
/// address assigners. (The address types the driver places no device at never get here: the validation refuses
/// them first, DL4310.)
/// </summary>
internal static class PciAddressTypeRefusal
{
    public static PciAddress? Refuse(DiagnosticBag refusals, SourceLocation device, string what, DeviceAddress address)
    {
        refusals.Error(QemuDiagnostics.PciDeviceAddressType, device,
            $"{what} sits on a PCI bus, and <address type='{AddressTypeXml.Table.ToXml(address.Type)}'> cannot place it there; give a PCI address, or none");
        return null;
    }
}
