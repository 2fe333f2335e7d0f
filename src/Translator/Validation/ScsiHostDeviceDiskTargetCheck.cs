using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A SCSI disk given without an address takes the drive address its target name implies
/// (<c>sda</c> is controller 0, unit 0). libvirt places SCSI host devices without an address
/// first, on the first unit no explicitly addressed disk or earlier host device holds; a disk whose
/// implied address is such a host device's cannot be placed.
/// </summary>
internal sealed class ScsiHostDeviceDiskTargetCheck : IDomainCheck
{
    /// <summary>Units 0 to 6 of bus 0, target 0: a narrow SCSI bus, as libvirt lays out QEMU's.</summary>
    private const uint UnitsPerController = 7;

    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        // Most domains have no SCSI host device: nothing is gathered for them.
        if (!domain.Devices.HostDevices.Any(h => h.Source is ScsiHostDeviceSource)) return;
        var hostDevices = domain.Devices.HostDevices.Where(h => h.Source is ScsiHostDeviceSource).ToList();

        var scsiDisks = domain.Devices.Disks.Where(d => DiskTargetNames.BusOf(d) == DiskBus.Scsi).ToList();
        var taken = new HashSet<Place>(scsiDisks.Where(d => d.Address is DriveAddress).Select(d => Place.Of((DriveAddress)d.Address!)));
        var hostDevicePlaces = new HashSet<Place>();
        foreach (var hostdev in hostDevices)
        {
            var place = hostdev.Address is DriveAddress given ? Place.Of(given) : FirstFree(taken);
            taken.Add(place);
            hostDevicePlaces.Add(place);
        }

        foreach (var disk in scsiDisks.Where(d => d.Address is null))
        {
            if (DiskTargetNames.DefaultAddress(DiskBus.Scsi, DiskTargetNames.Index(disk.Target.Dev)) is not { } implied) continue;
            var place = Place.Of(implied);
            if (hostDevicePlaces.Contains(place))
                diagnostics.Error(DiagnosticCatalog.DuplicateAddress, disk.Target.Location,
                    $"using disk target name '{disk.Target.Dev}' conflicts with the SCSI host device address controller='{place.Controller}' " +
                    $"bus='{place.Bus}' target='{place.Target}' unit='{place.Unit}'; give the disk an <address>");
        }
    }

    private static Place FirstFree(HashSet<Place> taken)
    {
        for (uint controller = 0; ; controller++)
            for (uint unit = 0; unit < UnitsPerController; unit++)
                if (!taken.Contains(new Place(controller, 0, 0, unit))) return new Place(controller, 0, 0, unit);
    }

    private readonly record struct Place(uint Controller, uint Bus, uint Target, uint Unit)
    {
        public static Place Of(DriveAddress address) =>
            new(address.Controller ?? 0, address.Bus ?? 0, address.Target ?? 0, address.Unit ?? 0);
    }
}
