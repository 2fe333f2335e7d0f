using System.Net;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// The guest side of a character device (<c>&lt;target&gt;</c>). A closed family: one record per
/// device kind, and for channels one per channel target type.
/// </summary>
public abstract record CharTarget
{
    private protected CharTarget() { }
}

/// <summary>A parallel port: <c>&lt;target port='N'/&gt;</c> (ports count from 0).</summary>
public sealed record ParallelTarget : CharTarget
{
    public uint? Port { get; init; }
}

/// <summary>A serial port: <c>&lt;target type port/&gt;</c>.</summary>
public sealed record SerialTarget : CharTarget
{
    public SerialTargetType? Type { get; init; }
    public uint? Port { get; init; }

    /// <summary><c>&lt;model name/&gt;</c>: the device model behind the port type.</summary>
    public SerialTargetModel? Model { get; init; }
}

/// <summary>
/// A console: <c>&lt;target type port/&gt;</c>. With no type the driver picks one (a serial port for
/// fully virtualized guests, the Xen console for paravirtualized ones).
/// </summary>
public sealed record ConsoleTarget : CharTarget
{
    public ConsoleTargetType? Type { get; init; }
    public uint? Port { get; init; }
}

/// <summary>
/// A <c>guestfwd</c> channel: guest TCP traffic to <see cref="Address"/>:<see cref="Port"/> (an
/// IPv4 address) is forwarded to the channel's source.
/// </summary>
public sealed record GuestfwdChannelTarget : CharTarget
{
    public required IPAddress Address { get; init; }
    public required ushort Port { get; init; }
}

/// <summary>
/// A <c>virtio</c> channel: a virtio-serial port, named <see cref="Name"/> in the guest
/// (<c>/dev/virtio-ports/NAME</c>) when given.
/// </summary>
public sealed record VirtioChannelTarget : CharTarget
{
    public string? Name { get; init; }

    /// <summary><c>state</c>: whether the guest side is connected (reported by a running host).</summary>
    public ChannelState? State { get; init; }
}

/// <summary>A <c>xen</c> channel: a Xen PV channel named <see cref="Name"/>.</summary>
public sealed record XenChannelTarget : CharTarget
{
    public string? Name { get; init; }
}

public enum ChannelState { Connected, Disconnected }

/// <summary>The device model of a serial port (<c>&lt;target&gt;&lt;model name/&gt;</c>).</summary>
public enum SerialTargetModel
{
    IsaSerial,
    UsbSerial,
    PciSerial,
    SpaprVty,
    Pl011,
    Uart16550a,
    SclpConsole,
    SclpLmConsole,
    IsaDebugcon,
}

/// <summary>The device model behind a serial port.</summary>
public enum SerialTargetType
{
    IsaSerial,
    UsbSerial,
    PciSerial,
    SpaprVioSerial,
    SystemSerial,
    SclpSerial,
    IsaDebug,
}

/// <summary>How a console is presented to the guest.</summary>
public enum ConsoleTargetType
{
    Serial,
    Virtio,
    Xen,
    Uml,
    Lxc,
    Openvz,
    Sclp,
    Sclplm,
}

/// <summary>How a channel is presented to the guest.</summary>
public enum ChannelTargetType
{
    Guestfwd,
    Virtio,
    Xen,
}

public static class CharTargetXml
{
    public static readonly XmlEnum<SerialTargetType> SerialType = new(
        ("isa-serial", SerialTargetType.IsaSerial), ("usb-serial", SerialTargetType.UsbSerial),
        ("pci-serial", SerialTargetType.PciSerial), ("spapr-vio-serial", SerialTargetType.SpaprVioSerial),
        ("system-serial", SerialTargetType.SystemSerial), ("sclp-serial", SerialTargetType.SclpSerial),
        ("isa-debug", SerialTargetType.IsaDebug));

    public static readonly XmlEnum<SerialTargetModel> SerialModel = new(
        ("isa-serial", SerialTargetModel.IsaSerial), ("usb-serial", SerialTargetModel.UsbSerial),
        ("pci-serial", SerialTargetModel.PciSerial), ("spapr-vty", SerialTargetModel.SpaprVty),
        ("pl011", SerialTargetModel.Pl011), ("16550a", SerialTargetModel.Uart16550a),
        ("sclpconsole", SerialTargetModel.SclpConsole), ("sclplmconsole", SerialTargetModel.SclpLmConsole),
        ("isa-debugcon", SerialTargetModel.IsaDebugcon));

    public static readonly XmlEnum<ChannelState> State = new(
        ("connected", ChannelState.Connected), ("disconnected", ChannelState.Disconnected));

    public static readonly XmlEnum<ConsoleTargetType> ConsoleType = new(
        ("serial", ConsoleTargetType.Serial), ("virtio", ConsoleTargetType.Virtio), ("xen", ConsoleTargetType.Xen),
        ("uml", ConsoleTargetType.Uml), ("lxc", ConsoleTargetType.Lxc), ("openvz", ConsoleTargetType.Openvz),
        ("sclp", ConsoleTargetType.Sclp), ("sclplm", ConsoleTargetType.Sclplm));

    public static readonly XmlEnum<ChannelTargetType> ChannelType = new(
        ("guestfwd", ChannelTargetType.Guestfwd), ("virtio", ChannelTargetType.Virtio), ("xen", ChannelTargetType.Xen));
}
