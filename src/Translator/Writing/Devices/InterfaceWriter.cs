using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes <c>&lt;interface&gt;</c>: mac, the source of its type (with ip), vlan, virtualport,
/// script, target, model, driver, filterref, tune, link, bandwidth, then device info.
/// </summary>
internal static class InterfaceWriter
{
    public static XmlElement Write(NetworkInterface nic)
    {
        var options = nic.Options ?? new InterfaceOptions();
        return Element("interface",
        [
            Attr("type", nic.Type, InterfaceTypeXml.Table),
            nic is HostdevInterface hostdev ? YesNo("managed", hostdev.Managed) : null,
            YesNo("trustGuestRxFilters", options.TrustGuestRxFilters),
            nic.Mac is { } mac
                ? Element("mac",
                    Attr("address", mac.ToString()),
                    Attr("type", options.MacType, InterfaceOptionsXml.MacType),
                    YesNo("check", options.MacCheck))
                : null,
            Source(nic),
            .. nic.Ips.Select(Ip),
            .. nic.Routes.Select(Route),
            .. nic.PortForwards.Select(PortForward),
            nic.Vlan is { } vlan ? Vlan(vlan) : null,
            nic.VirtualPort is { } port ? VirtualPort(port) : null,
            // libvirt 9 writes the bandwidth with the host side (source, VLAN, port profile).
            nic.Bandwidth is { } bandwidth ? Bandwidth(bandwidth) : null,
            nic.Script is null ? null : Element("script", Attr("path", nic.Script)),
            options.DownScript is null ? null : Element("downscript", Attr("path", options.DownScript)),
            options.BackendDomain is null ? null : Element("backenddomain", Attr("name", options.BackendDomain)),
            nic.TargetDev is null && options.TargetManaged is null
                ? null
                : Element("target", Attr("dev", nic.TargetDev), YesNo("managed", options.TargetManaged)),
            options.GuestDev is null && options.GuestActual is null
                ? null
                : Element("guest", Attr("dev", options.GuestDev), Attr("actual", options.GuestActual)),
            nic.Model is null ? null : Element("model", Attr("type", nic.Model)),
            nic.Driver is { } driver ? Driver(driver) : null,
            options.Backend is { } backend
                ? Element("backend",
                    Attr("type", backend.Type, InterfaceOptionsXml.BackendType),
                    Attr("tap", backend.Tap),
                    Attr("vhost", backend.Vhost),
                    Attr("logFile", backend.LogFile))
                : null,
            nic.FilterRef is { } filter ? FilterRef(filter) : null,
            nic.Tune is { } tune ? Element("tune", TextElement("sndbuf", tune.SndBuf)) : null,
            options.Teaming is { } teaming ? Teaming(teaming) : null,
            nic.Link is null ? null : Element("link", Attr("state", nic.Link, LinkStateXml.Table)),
            options.Mtu is { } mtu ? Element("mtu", Attr("size", mtu)) : null,
            options.Coalesce is { } coalesce
                ? Element("coalesce", coalesce.RxFramesMax is { } max ? Element("rx", Element("frames", Attr("max", max))) : null)
                : null,
            options.Port is { } nicPort ? Element("port", YesNo("isolated", nicPort.Isolated)) : null,
            DeviceInfoWriter.Boot(nic.BootOrder),
            DeviceInfoWriter.Alias(nic.Alias),
            DeviceInfoWriter.Rom(nic.Rom),
            options.AcpiIndex is { } acpiIndex ? Element("acpi", Attr("index", acpiIndex)) : null,
            DeviceInfoWriter.Address(nic.Address),
        ]);
    }

    /// <summary><c>&lt;ip address family prefix peer/&gt;</c>, shared with capability host devices.</summary>
    internal static XmlElement Ip(InterfaceIp ip) =>
        Element("ip",
            Attr("address", ip.Address),
            Attr("family", ip.Family, InterfaceAddressingXml.Family),
            Attr("prefix", ip.Prefix),
            Attr("peer", ip.Peer));

    internal static XmlElement Route(InterfaceRoute route) =>
        Element("route",
            Attr("family", route.Family, InterfaceAddressingXml.Family),
            Attr("address", route.Address),
            Attr("netmask", route.Netmask),
            Attr("prefix", route.Prefix),
            Attr("gateway", route.Gateway),
            Attr("metric", route.Metric));

    private static XmlElement? Driver(InterfaceDriver driver) =>
        UnlessEmpty(Element("driver",
        [
            Attr("name", driver.Name, InterfaceDriverXml.Backend),
            Attr("name", driver.HostdevBackend, HostDeviceXml.PciBackend),
            Attr("queues", driver.Queues),
            Attr("rx_queue_size", driver.RxQueueSize),
            Attr("tx_queue_size", driver.TxQueueSize),
            Attr("txmode", driver.TxMode, InterfaceDriverXml.TxMode),
            OnOff("ioeventfd", driver.Ioeventfd),
            OnOff("event_idx", driver.EventIdx),
            .. VirtioOptionsWriter.Write(driver.Virtio),
            OnOff("rss", driver.Rss),
            OnOff("rss_hash_report", driver.RssHashReport),
            driver.Host is { } host ? Offloads("host", host) : null,
            driver.Guest is { } guest ? Offloads("guest", guest) : null,
        ]));

    private static XmlElement Offloads(string name, NicOffloads offloads) =>
        Element(name,
            OnOff("csum", offloads.Csum),
            OnOff("gso", offloads.Gso),
            OnOff("tso4", offloads.Tso4),
            OnOff("tso6", offloads.Tso6),
            OnOff("ecn", offloads.Ecn),
            OnOff("ufo", offloads.Ufo),
            OnOff("mrg_rxbuf", offloads.MrgRxBuf));

    private static XmlElement PortForward(PortForward forward) =>
        Element("portForward",
        [
            Attr("proto", forward.Protocol, InterfaceAddressingXml.Protocol),
            Attr("address", forward.Address),
            Attr("dev", forward.Dev),
            .. forward.Ranges.Select(range => Element("range",
                Attr("start", (uint)range.Start),
                Attr("end", (uint?)range.End),
                Attr("to", (uint?)range.To),
                YesNo("exclude", range.Exclude))),
        ]);

    /// <summary><c>&lt;teaming type persistent/&gt;</c>, shared with PCI host devices.</summary>
    internal static XmlElement Teaming(InterfaceTeaming teaming) =>
        Element("teaming", Attr("type", teaming.Type, TeamingXml.Type), Attr("persistent", teaming.Persistent));

    /// <summary>The source of the interface's type; a direct interface always states its mode (vepa unless given).</summary>
    private static XmlElement? Source(NetworkInterface nic) => nic switch
    {
        VirtualNetworkInterface network => Element("source",
            Attr("network", network.Network),
            Attr("portgroup", network.PortGroup),
            network.PortId is { } portId ? Attr("portid", Uuid(portId)) : null,
            Attr("bridge", network.Bridge),
            Attr("macTableManager", network.MacTableManager, MacTableManagerXml.Table)),
        BridgeInterface bridge => Element("source",
        [
            .. NetworkPort(bridge.NetworkPort),
            Attr("bridge", bridge.Bridge),
            Attr("macTableManager", bridge.MacTableManager, MacTableManagerXml.Table),
        ]),
        UserInterface user => user.SourceDev is null ? null : Element("source", Attr("dev", user.SourceDev)),
        EthernetInterface ethernet => ethernet.SourceDev is null && ethernet.SourceIps.IsEmpty && ethernet.SourceRoutes.IsEmpty
            ? null
            : Element("source", [Attr("dev", ethernet.SourceDev), .. ethernet.SourceIps.Select(Ip), .. ethernet.SourceRoutes.Select(Route)]),
        DirectInterface direct => Element("source",
        [
            .. NetworkPort(direct.NetworkPort),
            Attr("dev", direct.Dev),
            Attr("mode", direct.Mode, DirectModeXml.Table),
        ]),
        SocketInterface socket => Element("source", Attr("address", socket.SourceAddress), Attr("port", (ulong)socket.SourcePort)),
        HostdevInterface hostdev => Element("source", DeviceInfoWriter.Address(hostdev.Source)),
        InternalInterface @internal => Element("source", Attr("name", @internal.Name)),
        VhostUserInterface vhost => Element("source",
            Attr("type", "unix"),
            Attr("path", vhost.Socket.Path),
            Attr("mode", vhost.Socket.Mode, DiskXml.SocketMode),
            vhost.Socket.Reconnect is { } reconnect
                ? Element("reconnect", YesNo("enabled", reconnect.Enabled), Attr("timeout", reconnect.Timeout))
                : null),
        UdpInterface udp => Element("source",
            Attr("address", udp.SourceAddress),
            Attr("port", (uint)udp.SourcePort),
            Element("local", Attr("address", udp.LocalAddress), Attr("port", (uint)udp.LocalPort))),
        VdpaInterface vdpa => Element("source", Attr("dev", vdpa.Dev)),
        NullInterface => null,
        VdsInterface vds => Element("source",
            Attr("switchid", Uuid(vds.SwitchId)),
            Attr("portid", vds.PortId),
            Attr("portgroupid", vds.PortGroupId),
            Attr("connectionid", vds.ConnectionId)),
        _ => throw new InvalidOperationException($"no writer for interface {nic.GetType().Name}"),
    };

    private static IEnumerable<XmlAttribute?> NetworkPort(NetworkPortAttributes? port) =>
        port is null
            ? []
            : [Attr("network", port.Network), Attr("portgroup", port.PortGroup), port.PortId is { } id ? Attr("portid", Uuid(id)) : null];

    private static XmlElement Vlan(Vlan vlan) =>
        Element("vlan", [YesNo("trunk", vlan.Trunk), .. vlan.Tags.Select(id => Element("tag", Attr("id", id)))]);

    /// <summary><c>&lt;virtualport type&gt;&lt;parameters .../&gt;&lt;/virtualport&gt;</c>, parameters in the spec's order.</summary>
    private static XmlElement VirtualPort(VirtualPort port) =>
        Element("virtualport",
            Attr("type", port.Type, VirtualPortTypeXml.Table),
            UnlessEmpty(Element("parameters",
                Attr("managerid", port.ManagerId),
                Attr("typeid", port.TypeId),
                Attr("typeidversion", port.TypeIdVersion),
                port.InstanceId is { } instance ? Attr("instanceid", Uuid(instance)) : null,
                port.InterfaceId is { } interfaceId ? Attr("interfaceid", Uuid(interfaceId)) : null,
                Attr("profileid", port.ProfileId))));

    private static XmlElement FilterRef(FilterRef filter) =>
        Element("filterref",
        [
            Attr("filter", filter.Filter),
            .. filter.Parameters.Select(p => Element("parameter", Attr("name", p.Name), Attr("value", p.Value))),
        ]);

    private static XmlElement? Bandwidth(InterfaceBandwidth bandwidth) =>
        UnlessChildless(Element("bandwidth", Limit("inbound", bandwidth.Inbound), Limit("outbound", bandwidth.Outbound)));

    private static XmlElement? Limit(string name, BandwidthLimit? limit) =>
        limit is null
            ? null
            : Element(name, Attr("average", limit.Average), Attr("peak", limit.Peak), Attr("burst", limit.Burst));
}
