using DomainLauncher.Translator.Validation.Untranslated;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>
/// The controllers and addresses of libvirt 9's schema the Xen writers do not write: a xenbus that
/// carries limits (one without any is the bus every Xen guest has, which the writers need not name), PCI
/// and ISA controllers, the newer controller models, USB port counts, controller drivers, ACPI
/// indexes, the newer address types, and unix sockets whose path was never generated.
/// </summary>
internal sealed class ControllerXenUntranslated : IXenUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain)
    {
        foreach (var c in domain.Devices.Controllers)
        {
            switch (c)
            {
                case XenbusController { MaxGrantFrames: not null }:
                    yield return new(c.Location, "the xenbus 'maxGrantFrames' limit");
                    break;
                case PciController pci:
                    yield return new(c.Location, $"<controller type='pci' model='{PciControllerXml.Model.ToXml(pci.Model)}'>");
                    break;
                case IsaController:
                    yield return new(c.Location, "<controller type='isa'>");
                    break;
                case ScsiController { Model: ScsiControllerModel.VirtioTransitional or ScsiControllerModel.VirtioNonTransitional
                    or ScsiControllerModel.Ncr53c90 or ScsiControllerModel.Dc390 or ScsiControllerModel.Am53c974 } scsi:
                    yield return new(c.Location, $"SCSI controller model '{ControllerXml.ScsiModel.ToXml(scsi.Model.Value)}'");
                    break;
                case UsbController { Model: UsbControllerModel.Qusb1 or UsbControllerModel.Qusb2 or UsbControllerModel.QemuXhci } usb:
                    yield return new(c.Location, $"USB controller model '{ControllerXml.UsbModel.ToXml(usb.Model.Value)}'");
                    break;
                case IdeController { Model: { } ide }:
                    yield return new(c.Location, $"IDE controller model '{ControllerXml.IdeModel.ToXml(ide)}'");
                    break;
                case VirtioSerialController { Model: { } serial }:
                    yield return new(c.Location, $"virtio-serial controller model '{ControllerXml.VirtioSerialModel.ToXml(serial)}'");
                    break;
            }
            if (c is XenbusController { MaxEventChannels: not null }) yield return new(c.Location, "the xenbus 'maxEventChannels' limit");
            if (c is UsbController { Ports: not null }) yield return new(c.Location, "the 'ports' count of a USB controller");
            if (c.Driver is { } driver) yield return new(driver.Location, "<driver> of a controller");
            if (c.AcpiIndex is not null) yield return new(c.Location, "<acpi index> of a controller");
            if (c.Address is CcwAddress or VirtioMmioAddress or DimmAddress or UnassignedAddress or PciAddress { Zpci: not null })
                yield return new(c.Location, $"<address type='{AddressTypeXml.Table.ToXml(c.Address.Type)}'> of a controller");
        }
        var d = domain.Devices;
        foreach (var device in d.CharDevicesOnce)
        {
            if (device.Source is UnixCharSource { Path: null })
                yield return new(device.Location, "a unix socket without a path (none was generated)");
        }
    }
}
