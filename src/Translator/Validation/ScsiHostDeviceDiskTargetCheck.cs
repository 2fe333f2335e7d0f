using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A SCSI disk given without an address takes the drive address its target name implies (<c>sda</c> is controller 0,
/// unit 0). libvirt places SCSI host devices without an address first (<see cref="ScsiHostDevicePlaces"/>); a disk whose
/// implied address is a host device's cannot be placed.
/// </summary>
internal sealed class ScsiHostDeviceDiskTargetCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        // Most domains have no SCSI host device: nothing is gathered for them.
        if (!ScsiHostDevicePlaces.HasLuns(domain)) return;
        // Every place is complete (no field left to a default), as is an implied address: records compare by value.
        var hostDevicePlaces = ScsiHostDevicePlaces.Of(domain).Values.ToHashSet();
        foreach (var disk in domain.Devices.Disks)
        {
            if (disk.Address is not null || DiskTargetNames.BusOf(disk) != DiskBus.Scsi) continue;
            if (DiskTargetNames.DefaultAddress(DiskBus.Scsi, DiskTargetNames.Index(disk.Target.Dev)) is not { } implied) continue;
            if (hostDevicePlaces.Contains(implied))
                diagnostics.Error(DiagnosticCatalog.DuplicateAddress, disk.Target.Location,
                    $"using disk target name '{disk.Target.Dev}' conflicts with the SCSI host device address controller='{implied.Controller ?? 0}' " +
                    $"bus='{implied.Bus ?? 0}' target='{implied.Target ?? 0}' unit='{implied.Unit ?? 0}'; give the disk an <address>");
        }
    }
}
