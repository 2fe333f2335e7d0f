using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's host device parts that the QEMU driver does not put on the command line yet: SCSI,
/// vhost-scsi and mediated devices, PCI back-ends other than legacy assignment, teaming, USB guest
/// resets, ACPI indexes and the SCSI readonly/shareable flags.
/// </summary>
internal sealed class HostDeviceUntranslated : IUntranslatedArea
{
    public IEnumerable<UntranslatedUse> Find(Domain domain) => domain.Devices.HostDevices.SelectMany(HostDevice);

    private static IEnumerable<UntranslatedUse> HostDevice(HostDevice hostdev)
    {
        var at = hostdev.Location;
        switch (hostdev.Source)
        {
            case ScsiHostDeviceSource or ScsiHostHostDeviceSource or MdevHostDeviceSource:
                yield return new(at, $"<hostdev type='{HostDeviceXml.SubsystemType.ToXml(hostdev.Source.Type)}'>");
                break;
            case PciHostDeviceSource pci:
                // Legacy assignment (pci-assign) is what the driver writes: the kvm back-end.
                if (pci.Backend is PciBackend.Vfio or PciBackend.Xen)
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
