using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Plan.Blockdev;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// A host SCSI LUN passed through (<c>&lt;hostdev type='scsi'&gt;</c>) is a <c>scsi-generic</c> device on one of the
/// guest's SCSI controllers, whose backend is a <c>-blockdev</c> node: the host's SCSI generic device (<c>/dev/sgN</c>)
/// for a LUN on a host adapter, QEMU's iSCSI initiator (with its login's secret) for one on an iSCSI target, read-only
/// when the document says so. It sits at its drive address; given none, where libvirt puts it: on bus 0, target 0 of the
/// first controller with a free unit (0 to 15; unit 7 is the controller's own), counting the disks' and the other LUNs'
/// units.
/// </summary>
internal static class ScsiHostDevicePlanning
{
    private const uint Units = 16;
    private const uint ControllerUnit = 7;

    /// <summary>The drive address of each host SCSI LUN of the domain, in host device order (others are absent).</summary>
    public static ImmutableDictionary<HostDevice, DriveAddress> Addresses(Domain domain)
    {
        var hostDevices = domain.Devices.HostDevices;
        // Most domains pass no LUN through: nothing is made for them (every document is planned, this twice).
        if (!HasLuns(domain)) return ImmutableDictionary<HostDevice, DriveAddress>.Empty;
        var result = ImmutableDictionary.CreateBuilder<HostDevice, DriveAddress>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<(uint, uint, uint, uint)>();
        foreach (var disk in domain.Devices.Disks)
            if (DiskTargetNames.BusOf(disk) == DiskBus.Scsi && DiskTargetNames.DriveAddressOf(disk) is { } drive) used.Add(Key(drive));
        foreach (var h in hostDevices)
            if (h is { Source: ScsiHostDeviceSource, Address: DriveAddress given })
            {
                var drive = WithZeroDefaults(given);
                used.Add(Key(drive));
                result[h] = drive;
            }
        foreach (var h in hostDevices)
        {
            if (h.Source is not ScsiHostDeviceSource || result.ContainsKey(h)) continue;
            var placed = FirstFree(used);
            used.Add(Key(placed));
            result[h] = placed;
        }
        return result.ToImmutable();
    }

    /// <summary>The LUN's backend node and its objects; <paramref name="number"/> counts the guest's host LUNs from 1.</summary>
    public static PlannedBlockGraph Backend(HostDevice h, ScsiHostDeviceSource scsi, int number, HostSettings host)
    {
        var nodeName = string.Create(CultureInfo.InvariantCulture, $"hostdev{number}-backend");
        DiskSource source = scsi.Where switch
        {
            ScsiAdapterLocation adapter => new BlockDiskSource { Dev = host.ScsiGenericDevices[ScsiAdapterNames.LunName(adapter)!] },
            ScsiIscsiLocation iscsi => new NetworkDiskSource
            {
                Protocol = DiskProtocol.Iscsi,
                Name = iscsi.Name,
                Hosts = [.. iscsi.Hosts.Select(portal => new DiskSourceHost { Name = portal.Name, Port = portal.Port, Location = portal.Location })],
                Auth = iscsi.Auth,
                InitiatorIqn = iscsi.InitiatorIqn,
            },
            _ => throw new InvalidOperationException("a SCSI host device is on an adapter or an iSCSI target"),
        };
        var (options, objects) = BlockProtocolNodes.Of(source, null, DiskDevice.Disk, nodeName, null, host);
        options.Add("node-name", nodeName).Add("read-only", h.ReadOnly);
        return new PlannedBlockGraph(objects, [new PlannedBlockNode(nodeName, options.Build())], nodeName);
    }

    /// <summary>Whether the domain passes a host SCSI LUN through.</summary>
    public static bool HasLuns(Domain domain)
    {
        foreach (var h in domain.Devices.HostDevices)
            if (h.Source is ScsiHostDeviceSource) return true;
        return false;
    }

    private static DriveAddress FirstFree(HashSet<(uint, uint, uint, uint)> used)
    {
        for (uint controller = 0; ; controller++)
            for (uint unit = 0; unit < Units; unit++)
                if (unit != ControllerUnit && !used.Contains((controller, 0, 0, unit)))
                    return new DriveAddress { Controller = controller, Bus = 0, Target = 0, Unit = unit };
    }

    private static (uint, uint, uint, uint) Key(DriveAddress drive) => (drive.Controller ?? 0, drive.Bus ?? 0, drive.Target ?? 0, drive.Unit ?? 0);

    private static DriveAddress WithZeroDefaults(DriveAddress drive) =>
        drive with { Controller = drive.Controller ?? 0, Bus = drive.Bus ?? 0, Target = drive.Target ?? 0, Unit = drive.Unit ?? 0 };
}
