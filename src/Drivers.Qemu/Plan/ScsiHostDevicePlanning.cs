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
/// when the document says so; it sits where <see cref="ScsiHostDevicePlaces"/> puts it.
/// </summary>
internal static class ScsiHostDevicePlanning
{
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
}
