using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads a disk's <c>&lt;source&gt;</c> as the variant its disk type selects.</summary>
internal static class DiskSourceParser
{
    public static DiskSource? Parse(ElementReader source, DiskType type)
    {
        var labels = source.ChildrenParsed("seclabel", SecurityLabelParser.Parse);
        var index = source.HasAttribute("index") ? source.UInt("index") : null;
        var slices = source.SingleChild("slices") is { } slicesElement
            ? slicesElement.ChildrenParsed("slice", Slice)
            : [];
        var encryption = source.SingleChild("encryption") is { } encryptionElement ? DiskEncryptionParser.Parse(encryptionElement) : null;
        DiskSource? result = type switch
        {
            DiskType.File => new FileDiskSource
            {
                File = source.Attr("file"),
                FdGroup = source.Attr("fdgroup"),
                StartupPolicy = StartupPolicyAttr(source),
            },
            DiskType.Block => source.RequiredAttr("dev") is { } dev
                ? new BlockDiskSource
                {
                    Dev = dev,
                    StartupPolicy = StartupPolicyAttr(source),
                    Reservations = source.SingleChild("reservations") is { } reservations ? Reservations(reservations) : null,
                }
                : null,
            DiskType.Dir => source.RequiredAttr("dir") is { } dir ? new DirDiskSource { Dir = dir, StartupPolicy = StartupPolicyAttr(source) } : null,
            DiskType.Network => Network(source),
            DiskType.Volume => Volume(source),
            DiskType.Nvme => Nvme(source),
            DiskType.VhostUser => VhostUser(source),
            _ => null,
        };
        return result is null ? null : result with
        {
            SecurityLabels = labels,
            Index = index,
            Slices = slices,
            Encryption = encryption,
            Location = source.Location,
        };
    }

    private static StartupPolicy? StartupPolicyAttr(ElementReader source) => source.Enum("startupPolicy", DiskXml.StartupPolicy);

    private static DiskSlice? Slice(ElementReader slice)
    {
        var type = slice.RequiredEnum("type", DiskXml.SliceType);
        var offset = slice.RequiredAttr("offset") is null ? null : slice.Unsigned("offset");
        var size = slice.RequiredAttr("size") is null ? null : slice.Unsigned("size");
        if (size == 0)
            slice.AttrError("size", DiagnosticCatalog.NumberOutOfRange, "the slice 'size' must be positive");
        return type is null || offset is null || size is null or 0
            ? null
            : new DiskSlice { Type = type.Value, Offset = offset.Value, Size = size.Value, Location = slice.Location };
    }

    private static DiskReservations Reservations(ElementReader reservations) => new()
    {
        Managed = reservations.YesNo("managed"),
        Source = reservations.SingleChild("source") is { } source ? UnixSocket(source) : null,
        Location = reservations.Location,
    };

    /// <summary><c>&lt;source type='unix' path mode/&gt;</c> of a helper socket.</summary>
    private static UnixSocketSource? UnixSocket(ElementReader source)
    {
        var type = source.RequiredAttr("type");
        if (type is not null and not "unix")
            source.AttrError("type", DiagnosticCatalog.UnknownEnumValue, $"'{type}' is not valid for attribute 'type'; allowed: unix");
        var path = source.RequiredAttr("path");
        var mode = source.RequiredEnum("mode", DiskXml.SocketMode);
        var reconnect = source.SingleChild("reconnect") is { } r ? Reconnect(r) : null;
        return path is null || mode is null ? null : new UnixSocketSource { Path = path, Mode = mode.Value, Reconnect = reconnect };
    }

    public static SocketReconnect? Reconnect(ElementReader reconnect)
    {
        var enabled = reconnect.RequiredAttr("enabled") is null ? null : reconnect.YesNo("enabled");
        var timeout = reconnect.UInt("timeout");
        return enabled is null ? null : new SocketReconnect { Enabled = enabled.Value, Timeout = timeout };
    }

    private static NetworkDiskSource? Network(ElementReader source)
    {
        var protocol = source.RequiredEnum("protocol", DiskXml.Protocol);
        var name = source.Attr("name");
        // NBD may serve its default export; every other protocol needs the image or path.
        if (protocol is not null and not DiskProtocol.Nbd && name is null)
            source.Error(DiagnosticCatalog.MissingAttribute,
                $"missing required attribute 'name' (protocol '{DiskXml.Protocol.ToXml(protocol.Value)}' needs the image name)");
        var hosts = source.ChildrenParsed("host", Host);
        var result = new NetworkDiskSource
        {
            Protocol = protocol ?? DiskProtocol.Nbd,
            Name = name,
            Hosts = hosts,
            Query = source.Attr("query"),
            Tls = source.YesNo("tls"),
            TlsHostname = source.Attr("tlsHostname"),
            SnapshotName = source.SingleChild("snapshot")?.RequiredAttr("name"),
            ConfigFile = source.SingleChild("config")?.RequiredAttr("file"),
            Auth = source.SingleChild("auth") is { } auth ? DiskParser.Auth(auth) : null,
            InitiatorIqn = source.SingleChild("initiator") is { } initiator ? InitiatorIqn(initiator) : null,
            SslVerify = source.SingleChild("ssl") is { } ssl ? ssl.RequiredAttr("verify") is null ? null : ssl.YesNo("verify") : null,
            Cookies = source.SingleChild("cookies") is { } cookies ? cookies.ChildrenParsed("cookie", Cookie) : [],
            ReadaheadSize = source.SingleChild("readahead") is { } readahead ? Positive(readahead, "size") : null,
            TimeoutSeconds = source.SingleChild("timeout") is { } timeout ? Positive(timeout, "seconds") : null,
            Identity = source.SingleChild("identity") is { } identity
                ? new NfsIdentity { User = identity.Attr("user"), Group = identity.Attr("group") }
                : null,
        };
        return protocol is null ? null : result;
    }

    /// <summary><c>&lt;initiator&gt;&lt;iqn name/&gt;&lt;/initiator&gt;</c>: the IQN the host presents.</summary>
    internal static string? InitiatorIqn(ElementReader initiator)
    {
        var iqn = initiator.SingleChild("iqn");
        if (iqn is null)
        {
            initiator.Error(DiagnosticCatalog.MissingElement, "missing required element <iqn>");
            return null;
        }
        return iqn.RequiredAttr("name");
    }

    private static DiskCookie? Cookie(ElementReader cookie)
    {
        var name = cookie.RequiredAttr("name");
        return name is null ? null : new DiskCookie { Name = name, Value = cookie.Text };
    }

    private static ulong? Positive(ElementReader element, string name)
    {
        if (element.RequiredAttr(name) is null) return null;
        var value = element.Unsigned(name);
        if (value != 0) return value;
        element.AttrError(name, DiagnosticCatalog.NumberOutOfRange, $"attribute '{name}' must be positive");
        return null;
    }

    private static DiskSourceHost? Host(ElementReader host)
    {
        var transport = host.Enum("transport", DiskXml.Transport);
        var name = host.Attr("name");
        var port = host.UInt("port", max: 65535);
        var socket = host.Attr("socket");
        if (transport == HostTransport.Unix)
        {
            if (socket is null)
                host.Error(DiagnosticCatalog.MissingAttribute, "missing required attribute 'socket' (transport 'unix')");
            if (name is not null)
                host.AttrError("name", DiagnosticCatalog.InconsistentValue, "transport 'unix' takes a 'socket', not a host 'name'");
        }
        else
        {
            if (name is null)
                host.Error(DiagnosticCatalog.MissingAttribute, "missing required attribute 'name'");
            if (socket is not null)
                host.AttrError("socket", DiagnosticCatalog.InconsistentValue, "'socket' is only valid with transport 'unix'");
        }
        return new DiskSourceHost { Name = name, Port = port, Transport = transport, Socket = socket, Location = host.Location };
    }

    private static VolumeDiskSource? Volume(ElementReader source)
    {
        var pool = source.RequiredAttr("pool");
        var volume = source.RequiredAttr("volume");
        var mode = source.Enum("mode", DiskXml.VolumeMode);
        var startupPolicy = StartupPolicyAttr(source);
        return pool is null || volume is null
            ? null
            : new VolumeDiskSource { Pool = pool, Volume = volume, Mode = mode, StartupPolicy = startupPolicy };
    }

    private static NvmeDiskSource? Nvme(ElementReader source)
    {
        var type = source.RequiredAttr("type");
        if (type is not null and not "pci")
            source.AttrError("type", DiagnosticCatalog.UnknownEnumValue, $"'{type}' is not valid for attribute 'type'; allowed: pci");
        var ns = source.RequiredAttr("namespace") is null ? null : source.UInt("namespace");
        var managed = source.YesNo("managed");
        var startupPolicy = StartupPolicyAttr(source);
        var addressElement = source.SingleChild("address");
        if (addressElement is null)
            source.Error(DiagnosticCatalog.MissingElement, "missing required element <address> (the NVMe controller)");
        // The controller's host address is a bare PCI address: no 'type' attribute.
        var address = addressElement is null ? null : new PciAddress
        {
            Domain = addressElement.UInt("domain", 0xFFFF, allowHex: true),
            Bus = addressElement.UInt("bus", 0xFF, allowHex: true),
            Slot = addressElement.UInt("slot", 0x1F, allowHex: true),
            Function = addressElement.UInt("function", 7, allowHex: true),
        };
        return ns is null || address is not { } pci
            ? null
            : new NvmeDiskSource { Namespace = ns.Value, Managed = managed, Address = pci, StartupPolicy = startupPolicy };
    }

    private static VhostUserDiskSource? VhostUser(ElementReader source)
    {
        var type = source.RequiredAttr("type");
        if (type is not null and not "unix")
            source.AttrError("type", DiagnosticCatalog.UnknownEnumValue, $"'{type}' is not valid for attribute 'type'; allowed: unix");
        var path = source.RequiredAttr("path");
        var reconnect = source.SingleChild("reconnect") is { } r ? Reconnect(r) : null;
        return path is null ? null : new VhostUserDiskSource { Path = path, Reconnect = reconnect };
    }
}
