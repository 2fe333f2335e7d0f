using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>
/// libvirt 9's host device parts that the Xen writers (xend S-expression, xm config) do not write: SCSI,
/// vhost-scsi and mediated devices, PCI back-ends other than Xen's, writeFiltering, teaming, USB guest
/// resets, ACPI indexes and the SCSI readonly/shareable flags.
/// </summary>
internal sealed class HostDeviceXenUntranslated : IXenUntranslatedArea
{
    public IEnumerable<XenUntranslatedUse> Find(Domain domain) => domain.Devices.HostDevices.SelectMany(HostDevice);

    private static IEnumerable<XenUntranslatedUse> HostDevice(HostDevice hostdev)
    {
        var at = hostdev.Location;
        switch (hostdev.Source)
        {
            case ScsiHostDeviceSource or ScsiHostHostDeviceSource or MdevHostDeviceSource:
                yield return new(at, $"<hostdev type='{HostDeviceXml.SubsystemType.ToXml(hostdev.Source.Type)}'>");
                break;
            case PciHostDeviceSource pci:
                // Xen's own passthrough is what the writers describe: the xen back-end.
                if (pci.Backend is PciBackend.Kvm or PciBackend.Vfio)
                    yield return new(at, $"<driver name='{HostDeviceXml.PciBackend.ToXml(pci.Backend.Value)}'> of a PCI host device");
                if (pci.WriteFiltering is not null) yield return new(pci.Location, "<source writeFiltering>");
                if (pci.Teaming is not null) yield return new(at, "<teaming> of a PCI host device");
                break;
            case UsbHostDeviceSource { GuestReset: not null } usb:
                yield return new(usb.Location, "<source guestReset>");
                break;
        }
        if (hostdev.Rom?.Enabled is not null) yield return new(at, "<rom enabled>");
        if (hostdev.Source is NetHostDeviceSource { Ips.IsEmpty: false } or NetHostDeviceSource { Routes.IsEmpty: false })
            yield return new(at, "<ip>/<route> of a capability network device");
        if (hostdev.AcpiIndex is not null) yield return new(at, "<acpi index> of a host device");
        if (hostdev.ReadOnly) yield return new(at, "<readonly/> of a host device");
        if (hostdev.Shareable) yield return new(at, "<shareable/> of a host device");
    }
}
