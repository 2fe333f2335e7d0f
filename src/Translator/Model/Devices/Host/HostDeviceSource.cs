using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// What a <c>&lt;hostdev&gt;</c> passes through, chosen by its <c>mode</c> and <c>type</c>: a closed
/// family of one record per (mode, type) pair.
/// </summary>
public abstract record HostDeviceSource
{
    private protected HostDeviceSource() { }

    public abstract HostDeviceMode Mode { get; }
    public abstract HostDeviceType Type { get; }
    public SourceLocation Location { get; init; }
}

/// <summary>
/// A host USB device, found by vendor and product id, by its host bus and device number, or by
/// both (<c>&lt;vendor id/&gt;&lt;product id/&gt;&lt;address bus device/&gt;</c>).
/// </summary>
public sealed record UsbHostDeviceSource : HostDeviceSource
{
    public override HostDeviceMode Mode => HostDeviceMode.Subsystem;
    public override HostDeviceType Type => HostDeviceType.Usb;
    public uint? VendorId { get; init; }
    public uint? ProductId { get; init; }
    public uint? HostBus { get; init; }
    public uint? HostDevice { get; init; }
    public StartupPolicy? StartupPolicy { get; init; }
    /// <summary><c>guestReset</c>: which guest resets reach the host device.</summary>
    public UsbGuestReset? GuestReset { get; init; }
}

/// <summary>A host PCI device by its host address (domain:bus:slot.function).</summary>
public sealed record PciHostDeviceSource : HostDeviceSource
{
    public override HostDeviceMode Mode => HostDeviceMode.Subsystem;
    public override HostDeviceType Type => HostDeviceType.Pci;
    public uint? Domain { get; init; }
    public uint? Bus { get; init; }
    public uint? Slot { get; init; }
    public uint? Function { get; init; }
    /// <summary><c>&lt;driver name&gt;</c>: the host back-end (kvm, vfio, xen).</summary>
    public PciBackend? Backend { get; init; }
    public StartupPolicy? StartupPolicy { get; init; }
    /// <summary><c>writeFiltering</c> (Xen): whether writes to the configuration space are filtered.</summary>
    public bool? WriteFiltering { get; init; }
    /// <summary><c>&lt;teaming&gt;</c>: the device's role in a virtio failover pair.</summary>
    public InterfaceTeaming? Teaming { get; init; }
}

/// <summary>A container capability device: a host block device (<c>&lt;source&gt;&lt;block&gt;path&lt;/block&gt;</c>).</summary>
public sealed record StorageHostDeviceSource(string Block) : HostDeviceSource
{
    public override HostDeviceMode Mode => HostDeviceMode.Capabilities;
    public override HostDeviceType Type => HostDeviceType.Storage;
}

/// <summary>A container capability device: a host character device (<c>&lt;source&gt;&lt;char&gt;path&lt;/char&gt;</c>).</summary>
public sealed record MiscHostDeviceSource(string Char) : HostDeviceSource
{
    public override HostDeviceMode Mode => HostDeviceMode.Capabilities;
    public override HostDeviceType Type => HostDeviceType.Misc;
}

/// <summary>A container capability device: a host network interface (<c>&lt;source&gt;&lt;interface&gt;name&lt;/interface&gt;</c>).</summary>
public sealed record NetHostDeviceSource(string Interface) : HostDeviceSource
{
    public override HostDeviceMode Mode => HostDeviceMode.Capabilities;
    public override HostDeviceType Type => HostDeviceType.Net;
    /// <summary>The <c>&lt;ip/&gt;</c>s the container sees on the interface (libvirt 9).</summary>
    public System.Collections.Immutable.ImmutableArray<InterfaceIp> Ips { get; init; } = [];
    /// <summary>The <c>&lt;route/&gt;</c>s the container gets through the interface (libvirt 9).</summary>
    public System.Collections.Immutable.ImmutableArray<InterfaceRoute> Routes { get; init; } = [];
}

public enum HostDeviceMode { Subsystem, Capabilities }

/// <summary><c>&lt;hostdev&gt;&lt;driver name&gt;</c> of a PCI device: the host back-end.</summary>
public enum PciBackend { Kvm, Vfio, Xen }

/// <summary><c>guestReset</c> of a USB host device.</summary>
public enum UsbGuestReset { Off, Uninitialized, On }

/// <summary>The <c>model</c> of a mediated device.</summary>
public enum MdevModel { VfioPci, VfioCcw, VfioAp }

/// <summary>The hostdev <c>type</c>: usb and pci for subsystem mode; storage, misc and net for capabilities mode.</summary>
public enum HostDeviceType { Usb, Pci, Storage, Misc, Net, Scsi, ScsiHost, Mdev }

public static class HostDeviceXml
{
    public static readonly XmlEnum<HostDeviceMode> Mode = new(
        ("subsystem", HostDeviceMode.Subsystem), ("capabilities", HostDeviceMode.Capabilities));

    public static readonly XmlEnum<HostDeviceType> SubsystemType = new(
        ("usb", HostDeviceType.Usb), ("pci", HostDeviceType.Pci), ("scsi", HostDeviceType.Scsi),
        ("scsi_host", HostDeviceType.ScsiHost), ("mdev", HostDeviceType.Mdev));

    public static readonly XmlEnum<PciBackend> PciBackend = new(
        ("kvm", Model.PciBackend.Kvm), ("vfio", Model.PciBackend.Vfio), ("xen", Model.PciBackend.Xen));

    public static readonly XmlEnum<UsbGuestReset> GuestReset = new(
        ("off", UsbGuestReset.Off), ("uninitialized", UsbGuestReset.Uninitialized), ("on", UsbGuestReset.On));

    public static readonly XmlEnum<MdevModel> MdevModel = new(
        ("vfio-pci", Model.MdevModel.VfioPci), ("vfio-ccw", Model.MdevModel.VfioCcw), ("vfio-ap", Model.MdevModel.VfioAp));

    public static readonly XmlEnum<HostDeviceType> CapabilitiesType = new(
        ("storage", HostDeviceType.Storage), ("misc", HostDeviceType.Misc), ("net", HostDeviceType.Net));
}
