using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// The host side of a character device (its <c>type</c> attribute with the <c>&lt;source&gt;</c>
/// and <c>&lt;protocol&gt;</c> children). A closed family, one record per type, shared by serial,
/// parallel, console and channel devices, smartcard passthrough and USB redirection.
/// </summary>
public abstract record CharSource
{
    private protected CharSource() { }

    public abstract CharSourceType Type { get; }
}

/// <summary>The values of a character device's <c>type</c> attribute.</summary>
public enum CharSourceType
{
    Null,
    Vc,
    Pty,
    Dev,
    File,
    Pipe,
    Stdio,
    Udp,
    Tcp,
    Unix,
    Spicevmc,
}

/// <summary>Whether a socket source connects to a peer or listens (<c>&lt;source mode&gt;</c>).</summary>
public enum CharSourceMode
{
    Connect,
    Bind,
}

/// <summary>The wire protocol of a TCP source (<c>&lt;protocol type&gt;</c>).</summary>
public enum TcpProtocol
{
    Raw,
    Telnet,
    Telnets,
    Tls,
}

public static class CharSourceXml
{
    public static readonly XmlEnum<CharSourceType> Type = new(
        ("null", CharSourceType.Null), ("vc", CharSourceType.Vc), ("pty", CharSourceType.Pty),
        ("dev", CharSourceType.Dev), ("file", CharSourceType.File), ("pipe", CharSourceType.Pipe),
        ("stdio", CharSourceType.Stdio), ("udp", CharSourceType.Udp), ("tcp", CharSourceType.Tcp),
        ("unix", CharSourceType.Unix), ("spicevmc", CharSourceType.Spicevmc));

    public static readonly XmlEnum<CharSourceMode> Mode = new(
        ("connect", CharSourceMode.Connect), ("bind", CharSourceMode.Bind));

    public static readonly XmlEnum<TcpProtocol> Protocol = new(
        ("raw", TcpProtocol.Raw), ("telnet", TcpProtocol.Telnet), ("telnets", TcpProtocol.Telnets),
        ("tls", TcpProtocol.Tls));
}

/// <summary><c>type='null'</c>: input never arrives, output is discarded.</summary>
public sealed record NullCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.Null;
}

/// <summary><c>type='vc'</c>: a virtual console on the graphical framebuffer.</summary>
public sealed record VcCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.Vc;
}

/// <summary><c>type='stdio'</c>: the emulator's standard input and output.</summary>
public sealed record StdioCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.Stdio;
}

/// <summary>
/// <c>type='spicevmc'</c>: tunnelled over the SPICE graphics connection. Which SPICE channel it uses
/// (agent, smartcard, USB redirection) follows from the device that carries it.
/// </summary>
public sealed record SpicevmcCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.Spicevmc;
}

/// <summary>
/// <c>type='pty'</c>: a pseudo terminal the host allocates. <see cref="Path"/>
/// (<c>&lt;source path&gt;</c>) is the terminal a running hypervisor allocated, absent in a
/// definition.
/// </summary>
public sealed record PtyCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.Pty;
    public string? Path { get; init; }
}

/// <summary><c>type='dev'</c>: a host character device, e.g. <c>/dev/ttyS0</c>.</summary>
public sealed record DevCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.Dev;
    public required string Path { get; init; }
}

/// <summary><c>type='file'</c>: output is written to a file.</summary>
public sealed record FileCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.File;
    public required string Path { get; init; }
}

/// <summary><c>type='pipe'</c>: a named pipe (see pipe(7)).</summary>
public sealed record PipeCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.Pipe;
    public required string Path { get; init; }
}

/// <summary>
/// <c>type='udp'</c>: a UDP netconsole. The connect side (where packets go) comes from the
/// <c>&lt;source&gt;</c> with <c>mode='connect'</c> or no mode, the bind side (where packets are
/// received) from the one with <c>mode='bind'</c>. Hosts and services are kept as written: a
/// service may be a port number or a service name.
/// </summary>
public sealed record UdpCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.Udp;
    public string? ConnectHost { get; init; }
    public required string ConnectService { get; init; }
    public string? BindHost { get; init; }
    public string? BindService { get; init; }
}

/// <summary>
/// <c>type='tcp'</c>: a TCP client (<c>mode='connect'</c>, also when the mode is absent) or server
/// (<c>mode='bind'</c>) on <see cref="Host"/>:<see cref="Service"/>, speaking
/// <see cref="Protocol"/> (raw when absent).
/// </summary>
public sealed record TcpCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.Tcp;
    public CharSourceMode? Mode { get; init; }
    public required string Host { get; init; }
    public required string Service { get; init; }
    public TcpProtocol? Protocol { get; init; }

    /// <summary>
    /// <c>&lt;source wiremode&gt;</c>, a Xen-era attribute the schema allows with any text and the
    /// reference implementation ignores; kept as written so nothing in the document is lost.
    /// </summary>
    public string? WireMode { get; init; }
}

/// <summary>
/// <c>type='unix'</c>: a UNIX domain socket at <see cref="Path"/>, as a client
/// (<c>mode='connect'</c>, also when absent) or a server (<c>mode='bind'</c>).
/// </summary>
public sealed record UnixCharSource : CharSource
{
    public override CharSourceType Type => CharSourceType.Unix;
    public CharSourceMode? Mode { get; init; }
    /// <summary>Null when the document leaves it to libvirt to generate (a virtio channel's socket).</summary>
    public required string? Path { get; init; }
}
