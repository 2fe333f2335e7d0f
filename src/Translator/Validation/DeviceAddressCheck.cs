using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Addresses that cannot be where a device sits: a disk on an IDE, SATA, SCSI or floppy bus is
/// addressed on its controller (a drive address), not on the PCI bus; a ramfb display has no
/// address at all; and a SCSI host device cannot take a drive address another device has (two
/// disks on one address are only warned about, see below).
/// </summary>
internal sealed class DeviceAddressCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        foreach (var disk in domain.Devices.Disks)
        {
            if (DiskTargetNames.BusOf(disk) is DiskBus.Ide or DiskBus.Sata or DiskBus.Scsi or DiskBus.Fdc
                && disk.Address is { } address and not DriveAddress)
                diagnostics.Error(DiagnosticCatalog.InconsistentValue, disk.Location,
                    $"the disk '{disk.Target.Dev}' is on the {DiskXml.Bus.ToXml(DiskTargetNames.BusOf(disk))} bus, so its address is a drive address "
                    + $"on that controller, not '{AddressTypeXml.Table.ToXml(address.Type)}'");
        }

        foreach (var video in domain.Devices.Videos)
            if (video.Model == VideoModel.Ramfb && video.Address is not null)
                diagnostics.Error(DiagnosticCatalog.InconsistentValue, video.Location,
                    "a ramfb display is not on any bus and takes no <address>");

        // A drive address names a unit on a controller of one kind: IDE unit 0 and floppy unit 0 are
        // different places. A SCSI host device sits on a SCSI controller.
        // Two loops, no Select and Concat over the disks and host devices; the table made at the first drive address.
        Dictionary<(DiskBus?, DriveAddress), (SourceLocation At, bool HostDevice)>? claimed = null;
        foreach (var disk in domain.Devices.Disks) Claim(DiskTargetNames.BusOf(disk), disk.Address, disk.Location, hostDevice: false);
        foreach (var hostdev in domain.Devices.HostDevices) Claim(DiskBus.Scsi, hostdev.Address, hostdev.Location, hostDevice: true);

        void Claim(DiskBus? bus, DeviceAddress? address, SourceLocation location, bool hostDevice)
        {
            if (address is not DriveAddress drive) return;
            claimed ??= [];
            if (claimed.TryAdd((bus, drive), (location, hostDevice))) return;
            var earlier = claimed[(bus, drive)];
            var message = $"drive address controller='{drive.Controller}' bus='{drive.Bus}' target='{drive.Target}' unit='{drive.Unit}' "
                + $"is already used by the device at line {earlier.At.Line}";
            // Two disks on one drive address were accepted by libvirt 0.10.2 (which named legacy
            // drives by target, not address) and its suite builds them; libvirt 9 refuses them.
            // A host device on a taken address cannot be passed through at all.
            if (hostDevice || earlier.HostDevice) diagnostics.Error(DiagnosticCatalog.DuplicateAddress, location, message);
            else diagnostics.Warning(DiagnosticCatalog.DuplicateAddress, location, message + "; libvirt 9 refuses this");
        }
    }
}
