using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads <c>&lt;interface type='...'&gt;</c>: the <c>&lt;source&gt;</c> its type calls for, then
/// the settings every interface may carry (mac, model, driver, target, script, ip, boot, rom,
/// bandwidth, filterref, tune, link, virtualport, vlan, address, alias).
/// </summary>
internal static class InterfaceParser
{
    public static NetworkInterface? Parse(ElementReader nic)
    {
        var type = nic.RequiredEnum("type", InterfaceTypeXml.Table);
        if (type is null)
        {
            // Without a known type the source cannot be read; the error says why.
            nic.ReadWhole();
            return null;
        }

        // A null interface has no source: one given stays unread and is reported as unknown.
        var source = type == InterfaceType.Null ? null : nic.SingleChild("source");
        var specific = Specific(nic, type.Value, source);

        var virtualPortElement = nic.SingleChild("virtualport");
        var virtualPort = virtualPortElement is null ? null : VirtualPortParser.Parse(virtualPortElement);
        if (virtualPortElement is not null && type is not (InterfaceType.Network or InterfaceType.Bridge
                or InterfaceType.Direct or InterfaceType.Hostdev))
            virtualPortElement.Error(DiagnosticCatalog.InvalidValue,
                $"<virtualport> is not allowed in <interface type='{InterfaceTypeXml.Table.ToXml(type.Value)}'>; "
                + "only network, bridge, direct and hostdev interfaces take one");

        var common = new
        {
            Mac = Mac(nic),
            Model = Model(nic),
            Driver = Driver(nic, type.Value),
            TargetDev = nic.SingleChild("target")?.RequiredAttr("dev"),
            Script = nic.SingleChild("script")?.RequiredAttr("path"),
            Ips = nic.ChildrenParsed("ip", InterfaceAddressingParser.Ip),
            Routes = nic.ChildrenParsed("route", InterfaceAddressingParser.Route),
            PortForwards = nic.ChildrenParsed("portForward", InterfaceAddressingParser.PortForward),
            Options = InterfaceOptionsParser.Parse(nic),
            BootOrder = CommonParsers.BootOrder(nic),
            Rom = CommonParsers.Rom(nic),
            Bandwidth = nic.SingleChild("bandwidth") is { } bandwidth ? Bandwidth(bandwidth) : null,
            FilterRef = nic.SingleChild("filterref") is { } filterRef ? FilterRef(filterRef) : null,
            Tune = nic.SingleChild("tune") is { } tune
                ? new InterfaceTune { SndBuf = tune.SingleChild("sndbuf")?.UnsignedText() }
                : null,
            Link = nic.SingleChild("link")?.RequiredEnum("state", LinkStateXml.Table),
            Vlan = nic.SingleChild("vlan") is { } vlan ? Vlan(vlan) : null,
            Address = CommonParsers.Address(nic),
            Alias = CommonParsers.Alias(nic),
        };

        return specific is null ? null : specific with
        {
            Mac = common.Mac,
            Model = common.Model,
            Driver = common.Driver,
            TargetDev = common.TargetDev,
            Script = common.Script,
            Ips = common.Ips,
            Routes = common.Routes,
            PortForwards = common.PortForwards,
            Options = common.Options,
            BootOrder = common.BootOrder,
            Rom = common.Rom,
            Bandwidth = common.Bandwidth,
            FilterRef = common.FilterRef,
            Tune = common.Tune,
            Link = common.Link,
            VirtualPort = virtualPort,
            Vlan = common.Vlan,
            Address = common.Address,
            Alias = common.Alias,
            Location = nic.Location,
        };
    }

    /// <summary>The record of the interface's type with what its source says; null when a required part is missing.</summary>
    private static NetworkInterface? Specific(ElementReader nic, InterfaceType type, ElementReader? source)
    {
        switch (type)
        {
            case InterfaceType.Network:
            {
                var network = RequiredSource(nic, source, type)?.RequiredAttr("network");
                var portGroup = source?.Attr("portgroup");
                var portId = source is null ? null : DeviceValueParsers.Uuid(source, "portid");
                var bridge = source?.Attr("bridge");
                var macTableManager = source?.Enum("macTableManager", MacTableManagerXml.Table);
                return network is null
                    ? null
                    : new VirtualNetworkInterface { Network = network, PortGroup = portGroup, PortId = portId, Bridge = bridge, MacTableManager = macTableManager };
            }
            case InterfaceType.Bridge:
            {
                var bridge = RequiredSource(nic, source, type)?.RequiredAttr("bridge");
                var macTableManager = source?.Enum("macTableManager", MacTableManagerXml.Table);
                var networkPort = source is null ? null : NetworkPort(source);
                return bridge is null ? null : new BridgeInterface { Bridge = bridge, MacTableManager = macTableManager, NetworkPort = networkPort };
            }
            case InterfaceType.User:
                return new UserInterface { SourceDev = source?.Attr("dev") };
            case InterfaceType.Ethernet:
                return new EthernetInterface
                {
                    SourceDev = source?.Attr("dev"),
                    SourceIps = source is null ? [] : source.ChildrenParsed("ip", InterfaceAddressingParser.Ip),
                    SourceRoutes = source is null ? [] : source.ChildrenParsed("route", InterfaceAddressingParser.Route),
                };
            case InterfaceType.Direct:
            {
                var dev = RequiredSource(nic, source, type)?.RequiredAttr("dev");
                var mode = source?.Enum("mode", DirectModeXml.Table);
                var networkPort = source is null ? null : NetworkPort(source);
                return dev is null ? null : new DirectInterface { Dev = dev, Mode = mode, NetworkPort = networkPort };
            }
            case InterfaceType.Mcast:
            case InterfaceType.Server:
            case InterfaceType.Client:
                return Socket(nic, type, source);
            case InterfaceType.Hostdev:
            {
                var managed = nic.YesNo("managed");
                var pci = HostPciAddress(nic, source, type);
                return pci is null ? null : new HostdevInterface { Managed = managed, Source = pci };
            }
            case InterfaceType.Internal:
            {
                var name = RequiredSource(nic, source, type)?.RequiredAttr("name");
                return name is null ? null : new InternalInterface { Name = name };
            }
            case InterfaceType.VhostUser:
            case InterfaceType.Udp:
            case InterfaceType.Vdpa:
            case InterfaceType.Null:
            case InterfaceType.Vds:
                return InterfaceTypesParser.Parse(nic, type, RequiredSourceUnlessNull(nic, source, type));
            default:
                throw new InvalidOperationException($"interface type {type} has no reader");
        }
    }

    /// <summary><c>network portgroup portid</c> on a bridge or direct source; null when no network is named.</summary>
    private static NetworkPortAttributes? NetworkPort(ElementReader source)
    {
        var network = source.Attr("network");
        var portGroup = source.Attr("portgroup");
        var portId = DeviceValueParsers.Uuid(source, "portid");
        if (network is null && (portGroup is not null || source.HasAttribute("portid")))
            source.Error(DiagnosticCatalog.MissingAttribute, "missing required attribute 'network' ('portgroup' and 'portid' name a port of a network)");
        return network is null ? null : new NetworkPortAttributes { Network = network, PortGroup = portGroup, PortId = portId };
    }

    private static ElementReader? RequiredSourceUnlessNull(ElementReader nic, ElementReader? source, InterfaceType type) =>
        type == InterfaceType.Null ? null : RequiredSource(nic, source, type);

    private static ElementReader? RequiredSource(ElementReader nic, ElementReader? source, InterfaceType type)
    {
        if (source is null)
            nic.Error(DiagnosticCatalog.MissingElement,
                $"missing required element <source> for <interface type='{InterfaceTypeXml.Table.ToXml(type)}'>");
        return source;
    }

    /// <summary>mcast, server, client: <c>&lt;source address port&gt;</c>; only a server may leave out the address.</summary>
    private static SocketInterface? Socket(ElementReader nic, InterfaceType type, ElementReader? source)
    {
        source = RequiredSource(nic, source, type);
        if (source is null) return null;
        var address = type == InterfaceType.Server ? source.Attr("address") : source.RequiredAttr("address");
        var port = source.RequiredAttr("port") is null ? null : source.UInt("port", ushort.MaxValue);
        if (port is null || (address is null && type != InterfaceType.Server)) return null;
        var portNumber = (ushort)port.Value;
        return type switch
        {
            InterfaceType.Mcast => new McastInterface { SourceAddress = address, SourcePort = portNumber },
            InterfaceType.Server => new ServerInterface { SourceAddress = address, SourcePort = portNumber },
            _ => new ClientInterface { SourceAddress = address, SourcePort = portNumber },
        };
    }

    /// <summary>hostdev: <c>&lt;source&gt;&lt;address type='pci' .../&gt;&lt;/source&gt;</c>.</summary>
    private static PciAddress? HostPciAddress(ElementReader nic, ElementReader? source, InterfaceType type)
    {
        source = RequiredSource(nic, source, type);
        if (source is null) return null;
        var element = source.SingleChild("address");
        if (element is null)
        {
            source.Error(DiagnosticCatalog.MissingElement,
                "missing required element <address type='pci'/> naming the host PCI device");
            return null;
        }
        var address = CommonParsers.AddressOf(element);
        if (address is null or PciAddress) return address as PciAddress;
        element.AttrError("type", DiagnosticCatalog.UnknownEnumValue,
            $"'{AddressTypeXml.Table.ToXml(address.Type)}' is not valid for the host address of an <interface type='hostdev'>; allowed: pci");
        return null;
    }

    private static MacAddress? Mac(ElementReader nic)
    {
        var element = nic.SingleChild("mac");
        var text = element?.RequiredAttr("address");
        if (element is null || text is null) return null;
        if (!MacAddress.TryParse(text, out var mac))
        {
            element.AttrError("address", DiagnosticCatalog.InvalidValue,
                $"'{text}' is not a MAC address; expected six pairs of hexadecimal digits separated by colons, e.g. 52:54:00:12:34:56");
            return null;
        }
        if (mac.IsMulticast)
        {
            element.AttrError("address", DiagnosticCatalog.InvalidValue,
                $"'{text}' is a multicast MAC address; a network interface needs a unicast one (even first octet)");
            return null;
        }
        return mac;
    }

    /// <summary>The NIC model: an open set of names, but only letters, digits, '-' and '_' (it lands on a command line).</summary>
    private static string? Model(ElementReader nic)
    {
        var element = nic.SingleChild("model");
        var model = element?.RequiredAttr("type");
        if (element is null || model is null) return null;
        if (model.Length > 0 && model.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return model;
        element.AttrError("type", DiagnosticCatalog.InvalidValue,
            $"'{model}' is not a NIC model name; allowed: letters, digits, '-' and '_'");
        return null;
    }

    private static InterfaceDriver? Driver(ElementReader nic, InterfaceType type)
    {
        var driver = nic.SingleChild("driver");
        if (driver is null) return null;
        // A hostdev interface names its PCI back-end here; every other type its NIC back-end.
        var hostdev = type == InterfaceType.Hostdev;
        return new InterfaceDriver
        {
            Name = hostdev ? null : driver.Enum("name", InterfaceDriverXml.Backend),
            HostdevBackend = hostdev ? driver.Enum("name", HostDeviceXml.PciBackend) : null,
            Queues = driver.UInt("queues"),
            RxQueueSize = driver.UInt("rx_queue_size"),
            TxQueueSize = driver.UInt("tx_queue_size"),
            Virtio = VirtioOptionsParser.Options(driver),
            Rss = driver.OnOff("rss"),
            RssHashReport = driver.OnOff("rss_hash_report"),
            Host = driver.SingleChild("host") is { } host ? Offloads(host, hostSide: true) : null,
            Guest = driver.SingleChild("guest") is { } guest ? Offloads(guest, hostSide: false) : null,
            TxMode = driver.Enum("txmode", InterfaceDriverXml.TxMode),
            Ioeventfd = driver.OnOff("ioeventfd"),
            EventIdx = driver.OnOff("event_idx"),
        };
    }

    private static NicOffloads Offloads(ElementReader element, bool hostSide) => new()
    {
        Csum = element.OnOff("csum"),
        Gso = hostSide ? element.OnOff("gso") : null,
        Tso4 = element.OnOff("tso4"),
        Tso6 = element.OnOff("tso6"),
        Ecn = element.OnOff("ecn"),
        Ufo = element.OnOff("ufo"),
        MrgRxBuf = hostSide ? element.OnOff("mrg_rxbuf") : null,
    };

    private static InterfaceBandwidth Bandwidth(ElementReader bandwidth) => new()
    {
        Inbound = bandwidth.SingleChild("inbound") is { } inbound ? Limit(inbound) : null,
        Outbound = bandwidth.SingleChild("outbound") is { } outbound ? Limit(outbound) : null,
    };

    private static BandwidthLimit? Limit(ElementReader limit)
    {
        var average = limit.RequiredAttr("average") is null ? null : limit.Unsigned("average");
        var peak = limit.Unsigned("peak");
        var burst = limit.Unsigned("burst");
        return average is null ? null : new BandwidthLimit { Average = average.Value, Peak = peak, Burst = burst };
    }

    private static FilterRef? FilterRef(ElementReader filterRef)
    {
        var filter = filterRef.RequiredAttr("filter");
        var parameters = new List<FilterParameter>();
        foreach (var parameter in filterRef.Children("parameter"))
        {
            var name = parameter.RequiredAttr("name");
            var value = parameter.RequiredAttr("value");
            if (name is not null && value is not null) parameters.Add(new FilterParameter(name, value));
        }
        return filter is null ? null : new FilterRef { Filter = filter, Parameters = [.. parameters] };
    }

    private static Vlan Vlan(ElementReader vlan)
    {
        var trunk = vlan.YesNo("trunk");
        var tags = new List<uint>();
        var tagCount = 0;
        foreach (var tag in vlan.Children("tag"))
        {
            tagCount++;
            var id = tag.RequiredAttr("id") is null ? null : tag.UInt("id", 4095);
            if (id is not null) tags.Add(id.Value);
        }
        if (tagCount == 0)
            vlan.Error(DiagnosticCatalog.MissingElement, "missing required element <tag id='...'/>; a <vlan> needs at least one");
        else if (tagCount > 1 && trunk == false)
            vlan.AttrError("trunk", DiagnosticCatalog.InconsistentValue,
                $"trunk='no' allows only one <tag>, but {tagCount} are given");
        return new Vlan { Trunk = trunk, Tags = [.. tags] };
    }
}
