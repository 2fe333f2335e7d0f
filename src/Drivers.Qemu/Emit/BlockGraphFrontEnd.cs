using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Plan.Blockdev;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>
/// The front-end properties a disk given as a node graph has on its <c>-device</c> (where <c>-drive</c> had
/// them, or that only today's schema has): <c>write-cache</c>, <c>share-rw</c>, the error policies, SCSI vendor and product,
/// rotation rate, removable media, and virtio-blk's queues.
/// </summary>
internal static class BlockGraphFrontEnd
{
    public static void AddProperties(QemuOpts opts, PlannedDisk disk, PlannedBlockGraph graph)
    {
        var type = disk.QemuType ?? "";
        var d = disk.Disk;
        if (graph.VhostUser is { } socket) opts.Add("chardev", socket.ChardevId);
        else
        {
            if (graph.TopNode is not null || disk.Device == DiskDevice.Cdrom) opts.AddOnOff("write-cache", graph.WriteCache);
            if (graph.ShareRw) opts.AddOnOff("share-rw", true);
        }
        if (HasErrorPolicies(type) && d.Driver is { } driver)
        {
            var rerror = driver.ReadErrorPolicy ?? (driver.ErrorPolicy == DiskErrorPolicy.Enospace ? null : driver.ErrorPolicy);
            opts.Add("werror", driver.ErrorPolicy is { } w ? DiskEmitter.ErrorPolicy(w) : null);
            opts.Add("rerror", rerror is { } r ? DiskEmitter.ErrorPolicy(r) : null);
        }
        if (type is "scsi-hd" or "scsi-cd" or "scsi-disk") opts.Add("vendor", d.Vendor).Add("product", d.Product);
        if (type is "scsi-hd" or "ide-hd" or "scsi-disk") opts.Add("rotation_rate", d.Target.RotationRate);
        if (type is "scsi-hd" or "usb-storage" or "scsi-disk") opts.AddOnOff("removable", d.Target.Removable);
        if (disk.Bus == DiskBus.Virtio)
        {
            opts.Add("num-queues", d.Driver?.Queues).Add("queue-size", d.Driver?.QueueSize);
            if (d.Driver?.Virtio is { } virtio)
                opts.AddOnOff("iommu_platform", virtio.Iommu).AddOnOff("ats", virtio.Ats).AddOnOff("packed", virtio.Packed).AddOnOff("page-per-vq", virtio.PagePerVq);
        }
    }

    /// <summary>The front ends with <c>werror</c>/<c>rerror</c> properties (IDE, SCSI disks and virtio-blk).</summary>
    public static bool HasErrorPolicies(string qemuType) =>
        qemuType.StartsWith("ide-", StringComparison.Ordinal) || qemuType.StartsWith("virtio-blk", StringComparison.Ordinal)
        || qemuType is "scsi-hd" or "scsi-cd" or "scsi-disk" or "scsi-block";
}
