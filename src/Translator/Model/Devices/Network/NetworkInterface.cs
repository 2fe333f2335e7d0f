using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// A guest network card (<c>&lt;interface type='...'&gt;</c>). A closed family chosen by the
/// <c>type</c> attribute: each subclass carries what its <c>&lt;source&gt;</c> says; everything else
/// (MAC, model, driver, target, bandwidth, filter, virtual port, VLAN, ...) is common. Absent
/// settings stay null: the planner picks MAC addresses, models and tap names.
/// </summary>
public abstract record NetworkInterface
{
    private protected NetworkInterface() { }

    public abstract InterfaceType Type { get; }

    /// <summary><c>&lt;mac address&gt;</c>.</summary>
    public MacAddress? Mac { get; init; }

    /// <summary>
    /// <c>&lt;model type&gt;</c>: the emulated NIC. An open set (whatever the hypervisor offers,
    /// e.g. virtio, e1000, rtl8139, netfront), limited to letters, digits, '-' and '_'.
    /// </summary>
    public string? Model { get; init; }

    public InterfaceDriver? Driver { get; init; }

    /// <summary><c>&lt;target dev&gt;</c>: the host-side device name (e.g. the tap device).</summary>
    public string? TargetDev { get; init; }

    /// <summary><c>&lt;script path&gt;</c>: the script that plugs the host side in.</summary>
    public string? Script { get; init; }

    /// <summary>
    /// The address of the first <c>&lt;ip&gt;</c> (the guest address Xen's routed setups use).
    /// Setting it replaces <see cref="Ips"/> by that one address.
    /// </summary>
    public string? IpAddress
    {
        get => Ips.IsDefaultOrEmpty ? null : Ips[0].Address;
        init => Ips = value is null ? [] : [new InterfaceIp { Address = value }];
    }

    /// <summary>Every <c>&lt;ip address family prefix peer/&gt;</c> of the guest side, in document order.</summary>
    public ImmutableArray<InterfaceIp> Ips { get; init; } = [];

    /// <summary><c>&lt;route/&gt;</c>s of the guest side, in document order.</summary>
    public ImmutableArray<InterfaceRoute> Routes { get; init; } = [];

    /// <summary><c>&lt;portForward&gt;</c>s (user networking through passt), in document order.</summary>
    public ImmutableArray<PortForward> PortForwards { get; init; } = [];

    /// <summary>Everything else libvirt 9 lets every interface carry (see <see cref="InterfaceOptions"/>).</summary>
    public InterfaceOptions? Options { get; init; }

    public uint? BootOrder { get; init; }
    public RomSettings? Rom { get; init; }
    public InterfaceBandwidth? Bandwidth { get; init; }
    public FilterRef? FilterRef { get; init; }
    public InterfaceTune? Tune { get; init; }

    /// <summary><c>&lt;link state='up|down'/&gt;</c>.</summary>
    public LinkState? Link { get; init; }

    /// <summary><c>&lt;virtualport&gt;</c>; only network, bridge, direct and hostdev interfaces take one.</summary>
    public VirtualPort? VirtualPort { get; init; }

    public Vlan? Vlan { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }

    /// <summary>
    /// <paramref name="hostSide"/> carrying this interface's guest-visible side: MAC, NIC model, driver,
    /// boot order, ROM, link state, PCI address, alias and location. For tools that keep the guest's
    /// card and change what it is plugged into on the host (a tap instead of a bridge, user networking).
    /// </summary>
    public T WithGuestSideOn<T>(T hostSide) where T : NetworkInterface =>
        (T)((NetworkInterface)hostSide with
        {
            Mac = Mac,
            Model = Model,
            Driver = Driver,
            BootOrder = BootOrder,
            Rom = Rom,
            Link = Link,
            Address = Address,
            Alias = Alias,
            Location = Location,
        });
}

public enum InterfaceType
{
    Network,
    Bridge,
    User,
    Ethernet,
    Direct,
    Mcast,
    Server,
    Client,
    Hostdev,
    Internal,
    VhostUser,
    Udp,
    Vdpa,
    Null,
    Vds,
}

public static class InterfaceTypeXml
{
    public static readonly XmlEnum<InterfaceType> Table = new(
        ("network", InterfaceType.Network),
        ("bridge", InterfaceType.Bridge),
        ("user", InterfaceType.User),
        ("ethernet", InterfaceType.Ethernet),
        ("direct", InterfaceType.Direct),
        ("mcast", InterfaceType.Mcast),
        ("server", InterfaceType.Server),
        ("client", InterfaceType.Client),
        ("hostdev", InterfaceType.Hostdev),
        ("internal", InterfaceType.Internal),
        ("vhostuser", InterfaceType.VhostUser),
        ("udp", InterfaceType.Udp),
        ("vdpa", InterfaceType.Vdpa),
        ("null", InterfaceType.Null),
        ("vds", InterfaceType.Vds));
}

/// <summary><c>type='network'</c>: a port on a libvirt virtual network, optionally in a port group.</summary>
public sealed record VirtualNetworkInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.Network;
    public required string Network { get; init; }
    public string? PortGroup { get; init; }
    /// <summary><c>portid</c>: the UUID of the network port (status documents).</summary>
    public Guid? PortId { get; init; }
    /// <summary><c>bridge</c>: the network's bridge (status documents).</summary>
    public string? Bridge { get; init; }
    public MacTableManager? MacTableManager { get; init; }
}

/// <summary><c>type='bridge'</c>: a tap device enslaved to a host bridge.</summary>
public sealed record BridgeInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.Bridge;
    public required string Bridge { get; init; }
    /// <summary><c>macTableManager</c>: who manages the bridge's forwarding table.</summary>
    public MacTableManager? MacTableManager { get; init; }
    /// <summary>The libvirt network this bridge belongs to (<c>network portgroup portid</c>, status documents).</summary>
    public NetworkPortAttributes? NetworkPort { get; init; }
}

/// <summary>
/// <c>network portgroup portid</c> on the source of a bridge or direct interface: the libvirt
/// network the connection came from (status documents).
/// </summary>
public sealed record NetworkPortAttributes
{
    public required string Network { get; init; }
    public string? PortGroup { get; init; }
    public Guid? PortId { get; init; }
}

/// <summary><c>macTableManager</c> of a bridge.</summary>
public enum MacTableManager { Kernel, Libvirt }

public static class MacTableManagerXml
{
    public static readonly XmlEnum<MacTableManager> Table = new(("kernel", MacTableManager.Kernel), ("libvirt", MacTableManager.Libvirt));
}

/// <summary><c>type='user'</c>: the emulator's user-mode stack (SLIRP, or passt with <c>&lt;source dev&gt;</c>).</summary>
public sealed record UserInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.User;
    /// <summary><c>&lt;source dev&gt;</c>: the host interface passt binds to.</summary>
    public string? SourceDev { get; init; }
}

/// <summary>
/// <c>type='ethernet'</c>: a tap device set up by a script (see <see cref="NetworkInterface.Script"/>
/// and <see cref="NetworkInterface.TargetDev"/>); older documents may name a <c>&lt;source dev&gt;</c>.
/// </summary>
public sealed record EthernetInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.Ethernet;
    public string? SourceDev { get; init; }
    /// <summary><c>&lt;source&gt;&lt;ip/&gt;</c>: addresses of the host side of the tap device (libvirt 9).</summary>
    public ImmutableArray<InterfaceIp> SourceIps { get; init; } = [];
    /// <summary><c>&lt;source&gt;&lt;route/&gt;</c>: routes on the host side of the tap device (libvirt 9).</summary>
    public ImmutableArray<InterfaceRoute> SourceRoutes { get; init; } = [];
}

/// <summary><c>type='direct'</c>: a macvtap device on a host NIC, in a given mode.</summary>
public sealed record DirectInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.Direct;
    public required string Dev { get; init; }
    public DirectMode? Mode { get; init; }
    public NetworkPortAttributes? NetworkPort { get; init; }
}

public enum DirectMode { Vepa, Bridge, Private, Passthrough }

public static class DirectModeXml
{
    public static readonly XmlEnum<DirectMode> Table = new(
        ("vepa", DirectMode.Vepa),
        ("bridge", DirectMode.Bridge),
        ("private", DirectMode.Private),
        ("passthrough", DirectMode.Passthrough));
}

/// <summary>
/// The socket tunnels (<c>mcast</c>, <c>server</c>, <c>client</c>): guests joined by a multicast
/// group or a TCP connection, named by <c>&lt;source address port&gt;</c>.
/// </summary>
public abstract record SocketInterface : NetworkInterface
{
    private protected SocketInterface() { }

    /// <summary>The IP address; optional only for a server (which then listens on every address).</summary>
    public string? SourceAddress { get; init; }

    public required ushort SourcePort { get; init; }
}

/// <summary><c>type='mcast'</c>: a multicast group.</summary>
public sealed record McastInterface : SocketInterface
{
    public override InterfaceType Type => InterfaceType.Mcast;
}

/// <summary><c>type='server'</c>: the listening end of a TCP tunnel.</summary>
public sealed record ServerInterface : SocketInterface
{
    public override InterfaceType Type => InterfaceType.Server;
}

/// <summary><c>type='client'</c>: the connecting end of a TCP tunnel.</summary>
public sealed record ClientInterface : SocketInterface
{
    public override InterfaceType Type => InterfaceType.Client;
}

/// <summary><c>type='hostdev'</c>: a host PCI network function (e.g. an SR-IOV VF) passed through.</summary>
public sealed record HostdevInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.Hostdev;

    /// <summary><c>managed='yes|no'</c>: whether the host driver is detached and reattached automatically.</summary>
    public bool? Managed { get; init; }

    /// <summary>The host PCI address from <c>&lt;source&gt;&lt;address type='pci'/&gt;&lt;/source&gt;</c>.</summary>
    public required PciAddress Source { get; init; }
}

/// <summary><c>type='internal'</c>: a hypervisor-internal network, by name.</summary>
public sealed record InternalInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.Internal;
    public required string Name { get; init; }
}

/// <summary><c>&lt;link state&gt;</c>.</summary>
public enum LinkState { Up, Down }

public static class LinkStateXml
{
    public static readonly XmlEnum<LinkState> Table = new(("up", LinkState.Up), ("down", LinkState.Down));
}
