using System.Collections.Immutable;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// Where each host SCSI LUN (<c>&lt;hostdev type='scsi'&gt;</c>) of a domain sits, as libvirt places them: at its drive
/// address; given none, before the disks without one, on bus 0, target 0 of the first controller with a unit (0 to 6:
/// a narrow SCSI bus, as libvirt lays out QEMU's) that no explicitly addressed SCSI disk or earlier LUN holds.
/// </summary>
public static class ScsiHostDevicePlaces
{
    private const uint UnitsPerController = 7;

    /// <summary>Whether the domain passes a host SCSI LUN through.</summary>
    public static bool HasLuns(Domain domain)
    {
        foreach (var h in domain.Devices.HostDevices)
            if (h.Source is ScsiHostDeviceSource) return true;
        return false;
    }

    /// <summary>The drive address of each host SCSI LUN of the domain, every field set (by reference; a domain without LUNs gets the empty map).</summary>
    public static ImmutableDictionary<HostDevice, DriveAddress> Of(Domain domain)
    {
        if (!HasLuns(domain)) return ImmutableDictionary<HostDevice, DriveAddress>.Empty;
        var taken = new HashSet<(uint, uint, uint, uint)>();
        foreach (var disk in domain.Devices.Disks)
            if (disk.Address is DriveAddress given && DiskTargetNames.BusOf(disk) == DiskBus.Scsi) taken.Add(Key(given));
        var places = ImmutableDictionary.CreateBuilder<HostDevice, DriveAddress>(ReferenceEqualityComparer.Instance);
        foreach (var h in domain.Devices.HostDevices)
        {
            if (h.Source is not ScsiHostDeviceSource) continue;
            var place = h.Address is DriveAddress given
                ? given with { Controller = given.Controller ?? 0, Bus = given.Bus ?? 0, Target = given.Target ?? 0, Unit = given.Unit ?? 0 }
                : FirstFree(taken);
            taken.Add(Key(place));
            places[h] = place;
        }
        return places.ToImmutable();
    }

    private static DriveAddress FirstFree(HashSet<(uint, uint, uint, uint)> taken)
    {
        for (uint controller = 0; ; controller++)
            for (uint unit = 0; unit < UnitsPerController; unit++)
                if (!taken.Contains((controller, 0, 0, unit)))
                    return new DriveAddress { Controller = controller, Bus = 0, Target = 0, Unit = unit };
    }

    private static (uint, uint, uint, uint) Key(DriveAddress address) =>
        (address.Controller ?? 0, address.Bus ?? 0, address.Target ?? 0, address.Unit ?? 0);
}
