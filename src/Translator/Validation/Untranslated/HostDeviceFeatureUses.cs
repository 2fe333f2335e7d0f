using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation.Untranslated;

/// <summary>
/// libvirt 9's host device parts a driver does not write yet, wherever a domain uses them: SCSI,
/// vhost-scsi and mediated devices, a PCI back-end other than the one the driver writes, write
/// filtering, teaming, USB guest reset, ROM switches, addresses of capability network devices, ACPI
/// index, read-only and shareable devices.
/// </summary>
public static class HostDeviceFeatureUses
{
    /// <param name="domain">The domain whose host devices are looked at.</param>
    /// <param name="written">The PCI back-end the driver's output describes (legacy assignment for QEMU, Xen's own for Xen).</param>
    public static IEnumerable<DeviceFeatureUse> Find(Domain domain, PciBackend written) => Find(domain, [written], HostDeviceParts.None);

    /// <param name="domain">The domain whose host devices are looked at.</param>
    /// <param name="written">The PCI back-ends the driver's output can describe.</param>
    /// <param name="parts">The newer host device kinds and settings the driver writes.</param>
    public static IEnumerable<DeviceFeatureUse> Find(Domain domain, IReadOnlyCollection<PciBackend> written, HostDeviceParts parts)
    {
        var uses = new List<DeviceFeatureUse>();
        Add(domain, written, parts, uses);
        return uses;
    }

    /// <summary>The uses of <see cref="Find(Domain, IReadOnlyCollection{PciBackend}, HostDeviceParts)"/>, added to <paramref name="uses"/>.</summary>
    // Added to the caller's list, not yielded by an iterator per host device: every document passes here, most with no
    // use to find, and the QEMU driver gathers every area's uses into one list.
    public static void Add(Domain domain, IReadOnlyCollection<PciBackend> written, HostDeviceParts parts, List<DeviceFeatureUse> uses)
    {
        foreach (var hostdev in domain.Devices.HostDevices)
            HostDevice(hostdev, written, parts, uses);
    }

    private static void HostDevice(HostDevice hostdev, IReadOnlyCollection<PciBackend> written, HostDeviceParts parts, List<DeviceFeatureUse> uses)
    {
        var at = hostdev.Location;
        switch (hostdev.Source)
        {
            case MdevHostDeviceSource when parts.HasFlag(HostDeviceParts.Mdev):
            case ScsiHostHostDeviceSource when parts.HasFlag(HostDeviceParts.VhostScsi):
                break;
            case ScsiHostDeviceSource scsi when parts.HasFlag(HostDeviceParts.Scsi):
                // The host's side of a LUN: the kernel's SG_IO filter of the host device and the emulator's
                // CAP_SYS_RAWIO are set on the host, not by anything on the command line.
                if (scsi.Sgio is not null) uses.Add(new(at, "<hostdev sgio> (the host's SG_IO filtering of the LUN)"));
                if (scsi.RawIo is not null) uses.Add(new(at, "<hostdev rawio> (raw I/O capability for the emulator)"));
                break;
            case ScsiHostDeviceSource or ScsiHostHostDeviceSource or MdevHostDeviceSource:
                uses.Add(new(at, $"<hostdev type='{HostDeviceXml.SubsystemType.ToXml(hostdev.Source.Type)}'>"));
                break;
            case PciHostDeviceSource pci:
                if (pci.Backend is { } backend && !written.Contains(backend))
                    uses.Add(new(at, $"<driver name='{HostDeviceXml.PciBackend.ToXml(pci.Backend.Value)}'> of a PCI host device"));
                if (pci.WriteFiltering is not null) uses.Add(new(pci.Location, "<source writeFiltering>"));
                if (pci.Teaming is not null) uses.Add(new(at, "<teaming> of a PCI host device"));
                break;
            case UsbHostDeviceSource { GuestReset: not null } usb when !parts.HasFlag(HostDeviceParts.UsbGuestReset):
                uses.Add(new(usb.Location, "<source guestReset>"));
                break;
        }
        if (hostdev.Rom?.Enabled is not null) uses.Add(new(at, "<rom enabled>"));
        if (hostdev.Source is NetHostDeviceSource { Ips.IsEmpty: false } or NetHostDeviceSource { Routes.IsEmpty: false })
            uses.Add(new(at, "<ip>/<route> of a capability network device"));
        if (hostdev.AcpiIndex is not null) uses.Add(new(at, "<acpi index> of a host device"));
        var scsiWritten = hostdev.Source is ScsiHostDeviceSource && parts.HasFlag(HostDeviceParts.Scsi);
        if (hostdev.ReadOnly && !scsiWritten) uses.Add(new(at, "<readonly/> of a host device"));
        if (hostdev.Shareable && !scsiWritten) uses.Add(new(at, "<shareable/> of a host device"));
    }
}

/// <summary>Which of libvirt 9's newer host device kinds and settings a driver writes.</summary>
[Flags]
public enum HostDeviceParts
{
    None = 0,

    /// <summary>Mediated devices (by their sysfs path).</summary>
    Mdev = 1,

    /// <summary>vhost-scsi targets (<c>type='scsi_host'</c>).</summary>
    VhostScsi = 2,

    /// <summary>A USB device's <c>guestReset</c>.</summary>
    UsbGuestReset = 4,

    /// <summary>Host SCSI LUNs (<c>type='scsi'</c>, on a host adapter or over iSCSI), read-only or shareable.</summary>
    Scsi = 8,
}
