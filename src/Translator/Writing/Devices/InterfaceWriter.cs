using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes <c>&lt;interface&gt;</c>: mac, the source of its type (with ip), vlan, virtualport,
/// script, target, model, driver, filterref, tune, link, bandwidth, then device info.
/// </summary>
internal static class InterfaceWriter
{
    public static XmlElement Write(NetworkInterface nic) =>
        Element("interface",
        [
            Attr("type", nic.Type, InterfaceTypeXml.Table),
            nic is HostdevInterface hostdev ? YesNo("managed", hostdev.Managed) : null,
            nic.Mac is { } mac ? Element("mac", Attr("address", mac.ToString())) : null,
            Source(nic),
            nic.IpAddress is null ? null : Element("ip", Attr("address", nic.IpAddress)),
            nic.Vlan is { } vlan ? Vlan(vlan) : null,
            nic.VirtualPort is { } port ? VirtualPort(port) : null,
            nic.Script is null ? null : Element("script", Attr("path", nic.Script)),
            nic.TargetDev is null ? null : Element("target", Attr("dev", nic.TargetDev)),
            nic.Model is null ? null : Element("model", Attr("type", nic.Model)),
            nic.Driver is { } driver ? UnlessEmpty(Element("driver",
                Attr("name", driver.Name, InterfaceDriverXml.Backend),
                Attr("txmode", driver.TxMode, InterfaceDriverXml.TxMode),
                OnOff("ioeventfd", driver.Ioeventfd),
                OnOff("event_idx", driver.EventIdx))) : null,
            nic.FilterRef is { } filter ? FilterRef(filter) : null,
            nic.Tune is { } tune ? Element("tune", TextElement("sndbuf", tune.SndBuf)) : null,
            nic.Link is null ? null : Element("link", Attr("state", nic.Link, LinkStateXml.Table)),
            nic.Bandwidth is { } bandwidth ? Bandwidth(bandwidth) : null,
            .. DeviceInfoWriter.Write(nic.Address, nic.Alias, nic.BootOrder, nic.Rom),
        ]);

    /// <summary>The source of the interface's type; a direct interface always states its mode (vepa unless given).</summary>
    private static XmlElement? Source(NetworkInterface nic) => nic switch
    {
        VirtualNetworkInterface network => Element("source", Attr("network", network.Network), Attr("portgroup", network.PortGroup)),
        BridgeInterface bridge => Element("source", Attr("bridge", bridge.Bridge)),
        UserInterface => null,
        EthernetInterface ethernet => ethernet.SourceDev is null ? null : Element("source", Attr("dev", ethernet.SourceDev)),
        DirectInterface direct => Element("source",
            Attr("dev", direct.Dev), Attr("mode", direct.Mode ?? DirectMode.Vepa, DirectModeXml.Table)),
        SocketInterface socket => Element("source", Attr("address", socket.SourceAddress), Attr("port", (ulong)socket.SourcePort)),
        HostdevInterface hostdev => Element("source", DeviceInfoWriter.Address(hostdev.Source)),
        InternalInterface @internal => Element("source", Attr("name", @internal.Name)),
        _ => throw new InvalidOperationException($"no writer for interface {nic.GetType().Name}"),
    };

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
