using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads the sources of the interface types libvirt 9 added: vhostuser, udp, vdpa, null, vds.</summary>
internal static class InterfaceTypesParser
{
    public static NetworkInterface? Parse(ElementReader nic, InterfaceType type, ElementReader? source)
    {
        switch (type)
        {
            case InterfaceType.Null:
                return new NullInterface();
            case InterfaceType.VhostUser:
            {
                if (source is null) return null;
                var kind = source.RequiredAttr("type");
                if (kind is not null and not "unix")
                    source.AttrError("type", DiagnosticCatalog.UnknownEnumValue, $"'{kind}' is not valid for attribute 'type'; allowed: unix");
                var path = source.RequiredAttr("path");
                var mode = source.RequiredEnum("mode", DiskXml.SocketMode);
                var reconnect = source.SingleChild("reconnect") is { } r ? DiskSourceParser.Reconnect(r) : null;
                return path is null || mode is null
                    ? null
                    : new VhostUserInterface { Socket = new UnixSocketSource { Path = path, Mode = mode.Value, Reconnect = reconnect } };
            }
            case InterfaceType.Udp:
            {
                if (source is null) return null;
                var address = source.RequiredAttr("address");
                var port = Port(source);
                var local = source.SingleChild("local");
                if (local is null) source.Error(DiagnosticCatalog.MissingElement, "missing required element <local address port/>");
                var localAddress = local?.RequiredAttr("address");
                var localPort = local is null ? null : Port(local);
                return address is null || port is null || localAddress is null || localPort is null
                    ? null
                    : new UdpInterface { SourceAddress = address, SourcePort = port.Value, LocalAddress = localAddress, LocalPort = localPort.Value };
            }
            case InterfaceType.Vdpa:
            {
                var dev = source?.RequiredAttr("dev");
                return dev is null ? null : new VdpaInterface { Dev = dev };
            }
            case InterfaceType.Vds:
            {
                if (source is null) return null;
                var switchId = source.RequiredAttr("switchid") is null ? null : DeviceValueParsers.Uuid(source, "switchid");
                var portId = source.RequiredAttr("portid") is null ? null : source.Integer("portid");
                var portGroupId = source.RequiredAttr("portgroupid");
                var connectionId = source.RequiredAttr("connectionid") is null ? null : source.Integer("connectionid");
                return switchId is null || portId is null || portGroupId is null || connectionId is null
                    ? null
                    : new VdsInterface { SwitchId = switchId.Value, PortId = portId.Value, PortGroupId = portGroupId, ConnectionId = connectionId.Value };
            }
            default:
                throw new InvalidOperationException($"interface type {type} has no reader here");
        }
    }

    private static ushort? Port(ElementReader element) =>
        element.RequiredAttr("port") is null ? null : (ushort?)element.UInt("port", ushort.MaxValue);
}
