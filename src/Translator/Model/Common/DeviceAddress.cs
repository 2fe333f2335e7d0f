using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// Where a device sits on its guest bus (<c>&lt;address type='...'/&gt;</c>). A closed family: one
/// record per address type of the spec. Absent fields stay null: the planner fills them.
/// </summary>
public abstract record DeviceAddress
{
    private protected DeviceAddress() { }

    public abstract AddressType Type { get; }
}

public enum AddressType
{
    Pci,
    Drive,
    VirtioSerial,
    Ccid,
    Usb,
    SpaprVio,
    VirtioS390,
    Isa,
    Ccw,
    VirtioMmio,
    Dimm,
    Unassigned,
}

public static class AddressTypeXml
{
    public static readonly XmlEnum<AddressType> Table = new(
        ("pci", AddressType.Pci),
        ("drive", AddressType.Drive),
        ("virtio-serial", AddressType.VirtioSerial),
        ("ccid", AddressType.Ccid),
        ("usb", AddressType.Usb),
        ("spapr-vio", AddressType.SpaprVio),
        ("virtio-s390", AddressType.VirtioS390),
        ("isa", AddressType.Isa),
        ("ccw", AddressType.Ccw),
        ("virtio-mmio", AddressType.VirtioMmio),
        ("dimm", AddressType.Dimm),
        ("unassigned", AddressType.Unassigned));
}

/// <summary>A PCI address: domain:bus:slot.function, with multifunction on/off and s390's zPCI identifiers.</summary>
public sealed record PciAddress : DeviceAddress
{
    public override AddressType Type => AddressType.Pci;
    public uint? Domain { get; init; }
    public uint? Bus { get; init; }
    public uint? Slot { get; init; }
    public uint? Function { get; init; }
    public bool? Multifunction { get; init; }
    /// <summary><c>&lt;zpci uid fid/&gt;</c>: the s390 PCI identifiers of the device, when given.</summary>
    public ZpciAddress? Zpci { get; init; }
}

/// <summary><c>&lt;zpci&gt;</c> inside a PCI address: s390's user-defined identifier and function identifier.</summary>
public sealed record ZpciAddress
{
    public uint? Uid { get; init; }
    public uint? Fid { get; init; }
}

/// <summary>A disk controller address: controller, bus, target, unit.</summary>
public sealed record DriveAddress : DeviceAddress
{
    public override AddressType Type => AddressType.Drive;
    public uint? Controller { get; init; }
    public uint? Bus { get; init; }
    public uint? Target { get; init; }
    public uint? Unit { get; init; }
}

/// <summary>A port on a virtio-serial controller.</summary>
public sealed record VirtioSerialAddress : DeviceAddress
{
    public override AddressType Type => AddressType.VirtioSerial;
    public uint? Controller { get; init; }
    public uint? Bus { get; init; }
    public uint? Port { get; init; }
}

/// <summary>A slot on a CCID (smartcard) controller.</summary>
public sealed record CcidAddress : DeviceAddress
{
    public override AddressType Type => AddressType.Ccid;
    public uint? Controller { get; init; }
    public uint? Slot { get; init; }
}

/// <summary>A USB bus and port path (port may be dotted: <c>1.2</c> behind a hub).</summary>
public sealed record UsbAddress : DeviceAddress
{
    public override AddressType Type => AddressType.Usb;
    public uint? Bus { get; init; }
    public string? Port { get; init; }
}

/// <summary>A PAPR virtual I/O address (pseries), by register.</summary>
public sealed record SpaprVioAddress : DeviceAddress
{
    public override AddressType Type => AddressType.SpaprVio;
    public ulong? Reg { get; init; }
}

/// <summary>An s390 virtio address (no fields).</summary>
public sealed record VirtioS390Address : DeviceAddress
{
    public override AddressType Type => AddressType.VirtioS390;
}

/// <summary>An ISA address: I/O base and IRQ.</summary>
public sealed record IsaAddress : DeviceAddress
{
    public override AddressType Type => AddressType.Isa;
    public uint? IoBase { get; init; }
    public uint? Irq { get; init; }
}

/// <summary>An s390 channel I/O address: channel subsystem, subchannel set and device number (all or none).</summary>
public sealed record CcwAddress : DeviceAddress
{
    public override AddressType Type => AddressType.Ccw;
    public uint? Cssid { get; init; }
    public uint? Ssid { get; init; }
    public uint? Devno { get; init; }
}

/// <summary>A virtio-mmio address (no fields: the machine places the device).</summary>
public sealed record VirtioMmioAddress : DeviceAddress
{
    public override AddressType Type => AddressType.VirtioMmio;
}

/// <summary>A memory module slot, with the guest physical base address of the module.</summary>
public sealed record DimmAddress : DeviceAddress
{
    public override AddressType Type => AddressType.Dimm;
    public uint? Slot { get; init; }
    public ulong? Base { get; init; }
}

/// <summary>No guest address at all: the device is known to the host but not put on any guest bus.</summary>
public sealed record UnassignedAddress : DeviceAddress
{
    public override AddressType Type => AddressType.Unassigned;
}
