using System.Collections.Immutable;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// What a running QEMU says it has, gathered over QMP by <see cref="QmpInventory"/>: devices with an
/// id and their QOM types, the types of devices without one, PCI functions, block devices, chardevs,
/// and the properties read from devices (MAC addresses, chardev links). Plain data, so matching can
/// be tested with canned answers.
/// </summary>
public sealed record DeviceInventory
{
    /// <summary>Every <c>/machine/peripheral</c> child: device id to QOM type.</summary>
    public ImmutableDictionary<string, string> Peripherals { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The QOM types of devices without an id (<c>/machine/peripheral-anon</c> and <c>/machine/unattached</c>), one entry per device.</summary>
    public ImmutableArray<string> AnonymousTypes { get; init; } = [];

    public ImmutableArray<PciFunction> Pci { get; init; } = [];

    public ImmutableArray<BlockDeviceInfo> Blocks { get; init; } = [];

    public ImmutableArray<ChardevInfo> Chardevs { get; init; } = [];

    /// <summary>Properties read with <c>qom-get</c> from devices with an id, as text.</summary>
    public ImmutableDictionary<DeviceProperty, string> Properties { get; init; } = ImmutableDictionary<DeviceProperty, string>.Empty;
}

/// <summary>A property of a device with an id: <c>/machine/peripheral/net0</c>'s <c>mac</c>.</summary>
public sealed record DeviceProperty(string Id, string Name);

/// <summary>One PCI function of <c>query-pci</c>: where it is, its class code, its qdev id (empty when none) and its vendor and device ids.</summary>
public sealed record PciFunction(PciSlot Slot, ushort Class, string? ClassName, string QdevId, ushort Vendor, ushort Device)
{
    public string Describe() =>
        $"{(QdevId.Length > 0 ? QdevId : "an anonymous device")} ({ClassName ?? $"class 0x{Class:x4}"}, {Vendor:x4}:{Device:x4})";
}

/// <summary>One block device of <c>query-block</c>: its name, the device it is attached to, and the medium inserted (null when empty).</summary>
public sealed record BlockDeviceInfo(string Device, string? Qdev, bool Removable, bool? TrayOpen, string? File, bool? ReadOnly, string? Format);

/// <summary>One chardev of <c>query-chardev</c>: its label, what it is connected to, and whether a front end opened it.</summary>
public sealed record ChardevInfo(string Label, string Filename, bool FrontendOpen);
