using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads a disk's <c>&lt;source&gt;</c> as the variant its disk type selects.</summary>
internal static class DiskSourceParser
{
    public static DiskSource? Parse(ElementReader source, DiskType type)
    {
        var labels = DomainParser.List(source.Children("seclabel").Select(SecurityLabelParser.Parse));
        DiskSource? result = type switch
        {
            DiskType.File => new FileDiskSource
            {
                File = source.Attr("file"),
                StartupPolicy = source.Enum("startupPolicy", DiskXml.StartupPolicy),
            },
            DiskType.Block => source.RequiredAttr("dev") is { } dev ? new BlockDiskSource { Dev = dev } : null,
            DiskType.Dir => source.RequiredAttr("dir") is { } dir ? new DirDiskSource { Dir = dir } : null,
            DiskType.Network => Network(source),
            _ => null,
        };
        return result is null ? null : result with { SecurityLabels = labels, Location = source.Location };
    }

    private static NetworkDiskSource? Network(ElementReader source)
    {
        var protocol = source.RequiredEnum("protocol", DiskXml.Protocol);
        var name = source.Attr("name");
        // NBD may serve its default export; every other protocol needs the image or path.
        if (protocol is not null and not DiskProtocol.Nbd && name is null)
            source.Error(DiagnosticCatalog.MissingAttribute,
                $"missing required attribute 'name' (protocol '{DiskXml.Protocol.ToXml(protocol.Value)}' needs the image name)");
        var hosts = DomainParser.List(source.Children("host").Select(Host));
        return protocol is null ? null : new NetworkDiskSource { Protocol = protocol.Value, Name = name, Hosts = hosts };
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
}
