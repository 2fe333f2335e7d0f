using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// One <c>&lt;listen type='...'&gt;</c> element of a graphics server: a literal address, or a
/// virtual network whose address the host resolves. A closed family chosen by <c>type</c>.
/// </summary>
public abstract record GraphicsListen
{
    private protected GraphicsListen() { }

    public abstract GraphicsListenType Type { get; }
}

public enum GraphicsListenType { Address, Network }

public static class GraphicsListenTypeXml
{
    public static readonly XmlEnum<GraphicsListenType> Table = new(
        ("address", GraphicsListenType.Address), ("network", GraphicsListenType.Network));
}

/// <summary><c>&lt;listen type='address' address='...'/&gt;</c>: an IP address or host name.</summary>
public sealed record AddressListen : GraphicsListen
{
    public override GraphicsListenType Type => GraphicsListenType.Address;
    public required string Address { get; init; }
}

/// <summary>
/// <c>&lt;listen type='network' network='...' address='...'/&gt;</c>: listen on a virtual network's
/// address; <c>address</c> is filled in by a running host and may be absent.
/// </summary>
public sealed record NetworkListen : GraphicsListen
{
    public override GraphicsListenType Type => GraphicsListenType.Network;
    public required string Network { get; init; }
    public string? Address { get; init; }
}
