using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads an interface's <c>&lt;ip&gt;</c>, <c>&lt;route&gt;</c> and <c>&lt;portForward&gt;</c> elements.</summary>
internal static class InterfaceAddressingParser
{
    public static InterfaceIp? Ip(ElementReader ip)
    {
        var address = ip.RequiredAttr("address");
        var family = ip.Enum("family", InterfaceAddressingXml.Family);
        var prefix = ip.UInt("prefix", family == IpFamily.Ipv4 ? 32u : 128u);
        var peer = ip.Attr("peer");
        return address is null ? null : new InterfaceIp { Address = address, Family = family, Prefix = prefix, Peer = peer, Location = ip.Location };
    }

    public static InterfaceRoute? Route(ElementReader route)
    {
        var family = route.Enum("family", InterfaceAddressingXml.Family);
        var address = route.RequiredAttr("address");
        var netmask = route.Attr("netmask");
        var prefix = route.UInt("prefix", family == IpFamily.Ipv4 ? 32u : 128u);
        if (netmask is not null && prefix is not null)
            route.AttrError("prefix", DiagnosticCatalog.InconsistentValue, "a route takes a 'netmask' or a 'prefix', not both");
        var gateway = route.RequiredAttr("gateway");
        var metric = route.UInt("metric");
        return address is null || gateway is null
            ? null
            : new InterfaceRoute
            {
                Family = family,
                Address = address,
                Netmask = netmask,
                Prefix = prefix,
                Gateway = gateway,
                Metric = metric,
                Location = route.Location,
            };
    }

    public static PortForward? PortForward(ElementReader forward)
    {
        var protocol = forward.RequiredEnum("proto", InterfaceAddressingXml.Protocol);
        var address = forward.Attr("address");
        var dev = forward.Attr("dev");
        var ranges = forward.ChildrenParsed("range", Range);
        return protocol is null
            ? null
            : new PortForward { Protocol = protocol.Value, Address = address, Dev = dev, Ranges = ranges, Location = forward.Location };
    }

    private static PortForwardRange? Range(ElementReader range)
    {
        var start = range.RequiredAttr("start") is null ? null : range.UInt("start", ushort.MaxValue);
        var end = range.UInt("end", ushort.MaxValue);
        var to = range.UInt("to", ushort.MaxValue);
        var exclude = range.YesNo("exclude");
        if (start is not null && end is not null && end < start)
            range.AttrError("end", DiagnosticCatalog.InconsistentValue, $"the range ends ({end}) before it starts ({start})");
        return start is null
            ? null
            : new PortForwardRange { Start = (ushort)start.Value, End = (ushort?)end, To = (ushort?)to, Exclude = exclude };
    }
}
