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

public enum GraphicsListenType { Address, Network, Socket, None }

public static class GraphicsListenTypeXml
{
    public static readonly XmlEnum<GraphicsListenType> Table = new(
        ("address", GraphicsListenType.Address), ("network", GraphicsListenType.Network),
        ("socket", GraphicsListenType.Socket), ("none", GraphicsListenType.None));
}

/// <summary><c>&lt;listen type='address' address='...'/&gt;</c>: an IP address or host name.</summary>
public sealed record AddressListen : GraphicsListen
{
    public override GraphicsListenType Type => GraphicsListenType.Address;

    /// <summary>The address; null when absent (the host's default listen address).</summary>
    public string? Address { get; init; }
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

/// <summary>
/// <c>&lt;listen type='socket' socket='...'/&gt;</c>: a UNIX socket; the host picks a path when it
/// is absent.
/// </summary>
public sealed record SocketListen : GraphicsListen
{
    public override GraphicsListenType Type => GraphicsListenType.Socket;
    public string? Socket { get; init; }
}

/// <summary><c>&lt;listen type='none'/&gt;</c>: no listening at all (only local clients through the management API).</summary>
public sealed record NoneListen : GraphicsListen
{
    public override GraphicsListenType Type => GraphicsListenType.None;
}
