using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Addresses that cannot be where a device sits: a disk on an IDE, SATA, SCSI or floppy bus is
/// addressed on its controller (a drive address), not on the PCI bus; a ramfb display has no
/// address at all; and two disks or SCSI host devices cannot claim one drive address.
/// </summary>
internal sealed class DeviceAddressCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        foreach (var disk in domain.Devices.Disks)
        {
            if (disk.Target.Bus is DiskBus.Ide or DiskBus.Sata or DiskBus.Scsi or DiskBus.Fdc
                && disk.Address is { } address and not DriveAddress)
                diagnostics.Error(DiagnosticCatalog.InconsistentValue, disk.Location,
                    $"the disk '{disk.Target.Dev}' is on the {DiskXml.Bus.ToXml(disk.Target.Bus.Value)} bus, so its address is a drive address "
                    + $"on that controller, not '{AddressTypeXml.Table.ToXml(address.Type)}'");
        }

        foreach (var video in domain.Devices.Videos)
            if (video.Model == VideoModel.Ramfb && video.Address is not null)
                diagnostics.Error(DiagnosticCatalog.InconsistentValue, video.Location,
                    "a ramfb display is not on any bus and takes no <address>");

        var claimed = new Dictionary<DriveAddress, SourceLocation>();
        var users = domain.Devices.Disks.Select(d => (d.Address, d.Location))
            .Concat(domain.Devices.HostDevices.Select(h => (h.Address, h.Location)));
        foreach (var (address, location) in users)
        {
            if (address is not DriveAddress drive) continue;
            if (claimed.TryAdd(drive, location)) continue;
            diagnostics.Error(DiagnosticCatalog.DuplicateAddress, location,
                $"drive address controller='{drive.Controller}' bus='{drive.Bus}' target='{drive.Target}' unit='{drive.Unit}' "
                + $"is already used by the device at line {claimed[drive].Line}");
        }
    }
}
