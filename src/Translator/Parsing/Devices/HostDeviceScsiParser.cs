using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads the sources of SCSI, vhost-scsi (scsi_host) and mediated (mdev) host devices.</summary>
internal static class HostDeviceScsiParser
{
    public static ScsiHostDeviceSource? Scsi(ElementReader hostdev, ElementReader source)
    {
        var sgio = hostdev.Enum("sgio", DiskXml.Sgio);
        var rawIo = hostdev.YesNo("rawio");
        var protocol = source.Attr("protocol");
        ScsiHostDeviceLocation? where = protocol switch
        {
            null or "adapter" => Adapter(source, protocol is not null),
            "iscsi" => Iscsi(source),
            _ => Refuse(source, protocol),
        };
        return where is null ? null : new ScsiHostDeviceSource { Sgio = sgio, RawIo = rawIo, Where = where, Location = source.Location };
    }

    private static ScsiHostDeviceLocation? Refuse(ElementReader source, string protocol)
    {
        source.AttrError("protocol", DiagnosticCatalog.UnknownEnumValue,
            $"'{protocol}' is not valid for attribute 'protocol'; allowed: adapter, iscsi");
        return null;
    }

    private static ScsiAdapterLocation? Adapter(ElementReader source, bool protocolGiven)
    {
        var adapter = source.SingleChild("adapter");
        if (adapter is null) source.Error(DiagnosticCatalog.MissingElement, "missing required element <adapter>");
        var name = adapter?.RequiredAttr("name");
        var address = source.SingleChild("address");
        if (address is null) source.Error(DiagnosticCatalog.MissingElement, "missing required element <address> (bus, target, unit)");
        var bus = address?.RequiredAttr("bus") is null ? null : address.UInt("bus", allowHex: true);
        var target = address?.RequiredAttr("target") is null ? null : address.UInt("target", allowHex: true);
        var unit = address?.RequiredAttr("unit") is null ? null : address.Unsigned("unit", allowHex: true);
        return name is null || bus is null || target is null || unit is null
            ? null
            : new ScsiAdapterLocation { ProtocolGiven = protocolGiven, AdapterName = name, Bus = bus.Value, Target = target.Value, Unit = unit.Value };
    }

    private static ScsiIscsiLocation? Iscsi(ElementReader source)
    {
        var name = source.RequiredAttr("name");
        var hosts = source.ChildrenParsed("host", Host);
        if (!source.HasChild("host")) source.Error(DiagnosticCatalog.MissingElement, "missing required element <host>");
        var auth = source.SingleChild("auth") is { } authElement ? DiskParser.Auth(authElement) : null;
        var iqn = source.SingleChild("initiator") is { } initiator ? DiskSourceParser.InitiatorIqn(initiator) : null;
        return name is null ? null : new ScsiIscsiLocation { Name = name, Hosts = hosts, Auth = auth, InitiatorIqn = iqn };
    }

    private static ScsiIscsiHost? Host(ElementReader host)
    {
        var name = host.RequiredAttr("name");
        var port = host.UInt("port", max: 65535);
        return name is null ? null : new ScsiIscsiHost { Name = name, Port = port, Location = host.Location };
    }

    public static ScsiHostHostDeviceSource? ScsiHost(ElementReader hostdev, ElementReader source)
    {
        var model = hostdev.Enum("model", DiskXml.VirtioModel);
        var protocol = source.RequiredAttr("protocol");
        if (protocol is not null and not "vhost")
            source.AttrError("protocol", DiagnosticCatalog.UnknownEnumValue, $"'{protocol}' is not valid for attribute 'protocol'; allowed: vhost");
        var wwpn = source.RequiredAttr("wwpn");
        if (wwpn is not null && !(wwpn.Length == 20 && wwpn.StartsWith("naa.", StringComparison.Ordinal) && wwpn[4..].All(char.IsAsciiHexDigit)))
        {
            source.AttrError("wwpn", DiagnosticCatalog.InvalidValue, $"'{wwpn}' is not a vhost WWPN; expected 'naa.' and 16 hexadecimal digits");
            wwpn = null;
        }
        return wwpn is null ? null : new ScsiHostHostDeviceSource { Model = model, Wwpn = wwpn, Location = source.Location };
    }

    public static MdevHostDeviceSource? Mdev(ElementReader hostdev, ElementReader source)
    {
        var model = hostdev.RequiredEnum("model", HostDeviceXml.MdevModel);
        var display = hostdev.OnOff("display");
        var ramfb = hostdev.OnOff("ramfb");
        var address = source.SingleChild("address");
        if (address is null) source.Error(DiagnosticCatalog.MissingElement, "missing required element <address uuid>");
        var uuid = address?.RequiredAttr("uuid") is null ? null : DeviceValueParsers.Uuid(address, "uuid");
        return model is null || uuid is null
            ? null
            : new MdevHostDeviceSource { Model = model.Value, Display = display, Ramfb = ramfb, Uuid = uuid.Value, Location = source.Location };
    }
}
