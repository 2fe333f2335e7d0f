using System.Text;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Tests.Build;

namespace DomainLauncher.Drivers.Qemu.Tests.Hostile;

/// <summary>
/// Issue 11, item 7 (QEMU part): the reproducer, 8,000 disks, took 4.5 s (30,000 took 45 s) because
/// planning compared every device with every other. It builds a complete, consistent command line:
/// one drive and one device per disk, every id once. (How long it takes is printed by
/// bench/hostile-sizes.sh; tests are not timed.)
/// </summary>
public sealed class ManyDisksTests
{
    private static readonly QemuCapability[] Caps = [QemuCapability.Drive, QemuCapability.Device, QemuCapability.VirtioScsiPci];

    [Fact]
    public void Eight_thousand_scsi_disks_on_one_controller_each_get_their_own_drive_and_device()
    {
        const int count = 8_000;
        var disks = new StringBuilder("\n<controller type='scsi' index='0' model='virtio-scsi'/>");
        for (var i = 0; i < count; i++)
            disks.Append($"\n<disk type='file' device='disk'><source file='/srv/d{i}.img'/><target dev='sd{Letters(i)}' bus='scsi'/>"
                + $"<address type='drive' controller='0' bus='0' target='0' unit='{i}'/></disk>");

        var words = FocusedBuild.Words(disks.ToString(), caps: Caps);

        var devices = words.Where(w => w.StartsWith("scsi-hd,", StringComparison.Ordinal) || w.StartsWith("scsi-disk,", StringComparison.Ordinal)).ToList();
        Assert.Equal(count, devices.Count);
        Assert.Equal(count, words.Count(w => w.StartsWith("file=/srv/d", StringComparison.Ordinal)));
        var ids = devices.Select(d => d.Split(',').Single(p => p.StartsWith("id=", StringComparison.Ordinal))).ToList();
        Assert.Equal(count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    // sda..sdz, sdaa..: the target names libvirt gives disks by index.
    private static string Letters(int index)
    {
        var name = "";
        for (var i = index; i >= 0; i = i / 26 - 1) name = (char)('a' + i % 26) + name;
        return name;
    }
}
