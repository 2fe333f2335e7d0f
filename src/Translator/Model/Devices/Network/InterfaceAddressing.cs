using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;ip address family prefix peer/&gt;</c> of an interface.</summary>
public sealed record InterfaceIp
{
    public required string Address { get; init; }
    public IpFamily? Family { get; init; }
    public uint? Prefix { get; init; }
    public string? Peer { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;route family address netmask|prefix gateway metric/&gt;</c> of an interface.</summary>
public sealed record InterfaceRoute
{
    public IpFamily? Family { get; init; }
    public required string Address { get; init; }
    public string? Netmask { get; init; }
    public uint? Prefix { get; init; }
    public required string Gateway { get; init; }
    public uint? Metric { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;portForward proto address dev&gt;&lt;range start end to exclude/&gt;...&lt;/portForward&gt;</c>.</summary>
public sealed record PortForward
{
    public required PortForwardProtocol Protocol { get; init; }
    public string? Address { get; init; }
    public string? Dev { get; init; }
    public System.Collections.Immutable.ImmutableArray<PortForwardRange> Ranges { get; init; } = [];
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;range start end to exclude/&gt;</c> of a port forward.</summary>
public sealed record PortForwardRange
{
    public required ushort Start { get; init; }
    public ushort? End { get; init; }
    public ushort? To { get; init; }
    public bool? Exclude { get; init; }
}

public enum IpFamily { Ipv4, Ipv6 }

public enum PortForwardProtocol { Tcp, Udp }

public static class InterfaceAddressingXml
{
    public static readonly XmlEnum<IpFamily> Family = new(("ipv4", IpFamily.Ipv4), ("ipv6", IpFamily.Ipv6));

    public static readonly XmlEnum<PortForwardProtocol> Protocol = new(("tcp", PortForwardProtocol.Tcp), ("udp", PortForwardProtocol.Udp));
}
