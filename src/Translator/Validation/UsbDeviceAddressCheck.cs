using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A device on the USB bus (a disk, an input device, a hub) sits on a USB port: the only address it can take is a
/// USB one (libvirt: "Invalid address for a USB device"). libvirt 9's 'unassigned' is left to the drivers.
/// </summary>
internal sealed class UsbDeviceAddressCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        foreach (var disk in domain.Devices.Disks)
            if (disk.Target.Bus == DiskBus.Usb)
                UsbPortOnly(disk.Address, disk.Location, $"a USB disk ('{disk.Target.Dev}')", diagnostics);
        foreach (var input in domain.Devices.Inputs)
            if (InputBuses.Effective(input, domain) == InputBus.Usb)
                UsbPortOnly(input.Address, input.Location, $"a USB {InputXml.Type.ToXml(input.Type)}", diagnostics);
        foreach (var hub in domain.Devices.Hubs)
            UsbPortOnly(hub.Address, hub.Location, "a USB hub", diagnostics);
    }

    private static void UsbPortOnly(DeviceAddress? address, SourceLocation location, string device, DiagnosticBag diagnostics)
    {
        if (address is not null and not UsbAddress and not UnassignedAddress)
            diagnostics.Error(DiagnosticCatalog.AddressTypeMismatch, location,
                $"{device} takes a USB address, not a '{AddressTypeXml.Table.ToXml(address.Type)}' one");
    }
}
