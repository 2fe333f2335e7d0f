using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>A disk on the USB bus sits on a USB port: the only address it can take is a USB one.</summary>
internal sealed class UsbDiskAddressCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        foreach (var disk in domain.Devices.Disks)
            if (disk.Target.Bus == DiskBus.Usb && disk.Address is { } address and not UsbAddress and not UnassignedAddress)
                diagnostics.Error(DiagnosticCatalog.AddressTypeMismatch, disk.Location,
                    $"a USB disk ('{disk.Target.Dev}') takes a USB address, not a '{AddressTypeXml.Table.ToXml(address.Type)}' one");
    }
}
