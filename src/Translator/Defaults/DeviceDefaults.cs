using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// The smaller device defaults libvirt fills: a disk's type (its source's, else file), device
/// (disk) and target bus (from the target's name); a filesystem's type (its source's) and access
/// mode (passthrough); a host device of the subsystem kind is not managed unless it says so; a QEMU
/// or KVM guest that names no memory balloon has a virtio one; a macvtap interface is in VEPA mode;
/// a redirected device is on USB; a watchdog resets the guest; a USB redirection rule's absent
/// criterion matches any value.
/// </summary>
internal static class DeviceDefaults
{
    // ImmutableArray.CreateRange with a selector makes each list in one array of its exact size; a
    // collection expression over Select would enumerate, copy to an array and copy again.
    /// <summary>
    /// The devices with these defaults, and with <paramref name="controllers"/> and <paramref name="channels"/> as the
    /// controller and channel steps made them (in this one copy of the devices).
    /// </summary>
    public static Model.Devices Apply(Domain domain, Model.Devices devices, ImmutableArray<Controller> controllers, ImmutableArray<CharDevice> channels) => devices with
    {
        Controllers = controllers,
        Channels = channels,
        Disks = ImmutableArray.CreateRange(devices.Disks, Disk),
        Filesystems = ImmutableArray.CreateRange(devices.Filesystems, fs => fs with
        {
            Type = fs.Type ?? fs.Source.Type,
            AccessMode = fs.AccessMode ?? FilesystemAccessMode.Passthrough,
        }),
        HostDevices = ImmutableArray.CreateRange(devices.HostDevices, h =>
            h.Source.Mode == HostDeviceMode.Subsystem && h.Managed is null ? h with { Managed = false } : h),
        Interfaces = ImmutableArray.CreateRange(devices.Interfaces, nic => nic is DirectInterface { Mode: null } direct ? direct with { Mode = DirectMode.Vepa } : nic),
        RedirectedDevices = ImmutableArray.CreateRange(devices.RedirectedDevices, r => r with { Bus = r.Bus ?? RedirectedDeviceBus.Usb }),
        RedirectionFilter = devices.RedirectionFilter is { } filter
            ? filter with
            {
                Rules = [.. filter.Rules.Select(rule => rule with
                {
                    Class = rule.Class ?? UsbMatch<byte>.Any,
                    Vendor = rule.Vendor ?? UsbMatch<ushort>.Any,
                    Product = rule.Product ?? UsbMatch<ushort>.Any,
                    Version = rule.Version ?? UsbMatch<UsbVersion>.Any,
                })],
            }
            : null,
        Watchdog = devices.Watchdog is { Action: null } watchdog ? watchdog with { Action = WatchdogAction.Reset } : devices.Watchdog,
        MemBalloon = devices.MemBalloon
            ?? (domain.Type is DomainType.Qemu or DomainType.Kqemu or DomainType.Kvm ? new MemBalloon { Model = MemBalloonModel.Virtio } : null),
    };

    // A disk that names its type, device and bus (most do) is kept as it is, not copied.
    private static Disk Disk(Disk disk) => disk is { Type: not null, Device: not null, Target.Bus: not null } ? disk : disk with
    {
        Type = disk.Type ?? disk.Source?.Type ?? DiskType.File,
        Device = disk.Device ?? DiskDevice.Disk,
        Target = disk.Target.Bus is null ? disk.Target with { Bus = DiskTargetNames.BusOf(disk) } : disk.Target,
    };
}
