using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// A graphical framebuffer (<c>&lt;graphics type='...'&gt;</c>). A closed family chosen by the
/// <c>type</c> attribute: a local window (sdl, desktop) or a remote-display server (vnc, spice,
/// rdp). Absent settings stay null: ports, listen addresses and passwords are defaulted by the
/// planner from host settings.
/// </summary>
public abstract record Graphics
{
    private protected Graphics() { }

    public abstract GraphicsType Type { get; }
    public SourceLocation Location { get; init; }
}

public enum GraphicsType { Sdl, Vnc, Spice, Rdp, Desktop, EglHeadless, Dbus }

public static class GraphicsTypeXml
{
    public static readonly XmlEnum<GraphicsType> Table = new(
        ("sdl", GraphicsType.Sdl),
        ("vnc", GraphicsType.Vnc),
        ("spice", GraphicsType.Spice),
        ("rdp", GraphicsType.Rdp),
        ("desktop", GraphicsType.Desktop),
        ("egl-headless", GraphicsType.EglHeadless),
        ("dbus", GraphicsType.Dbus));
}

/// <summary><c>type='sdl'</c>: a window on a host X display.</summary>
public sealed record SdlGraphics : Graphics
{
    public override GraphicsType Type => GraphicsType.Sdl;

    /// <summary>The X display, e.g. <c>:0.0</c>.</summary>
    public string? Display { get; init; }

    /// <summary>The X authority file.</summary>
    public string? Xauth { get; init; }

    public bool? FullScreen { get; init; }

    /// <summary><c>&lt;gl enable/&gt;</c>: OpenGL in the window.</summary>
    public bool? GlEnable { get; init; }
}

/// <summary><c>type='desktop'</c>: a window on the host desktop (VirtualBox's viewer).</summary>
public sealed record DesktopGraphics : Graphics
{
    public override GraphicsType Type => GraphicsType.Desktop;
    public string? Display { get; init; }
    public bool? FullScreen { get; init; }
}

/// <summary>
/// A remote-display server listening on a TCP port: what vnc, spice and rdp share.
/// </summary>
public abstract record ListeningGraphics : Graphics
{
    private protected ListeningGraphics() { }

    /// <summary>The TCP port; -1 is the legacy spelling of "pick one" (see <see cref="AutoPort"/>).</summary>
    public int? Port { get; init; }

    /// <summary><c>autoport='yes|no'</c>: let the host pick the port(s).</summary>
    public bool? AutoPort { get; init; }

    /// <summary>
    /// The legacy <c>listen</c> attribute (an IP address or host name). When listen elements are
    /// given too it names the same address as the first of them.
    /// </summary>
    public string? Listen { get; init; }

    /// <summary>The <c>&lt;listen&gt;</c> child elements in document order (empty when there are none).</summary>
    public ImmutableArray<GraphicsListen> Listens { get; init; } = [];

    /// <summary>The port is picked when the display starts: <c>autoport='yes'</c>, the legacy <c>port='-1'</c>, or no port at all.</summary>
    public bool PortChosenAtStart => AutoPort == true || Port is null or -1;
}

/// <summary><c>type='vnc'</c>: a VNC server on a TCP port or a UNIX socket.</summary>
public sealed record VncGraphics : ListeningGraphics
{
    public override GraphicsType Type => GraphicsType.Vnc;

    /// <summary>A UNIX socket path to listen on instead of a TCP port.</summary>
    public string? Socket { get; init; }

    /// <summary>The password, in clear text.</summary>
    public string? Passwd { get; init; }

    /// <summary><c>passwdValidTo</c>: when the password expires (UTC).</summary>
    public DateTime? PasswdValidTo { get; init; }

    /// <summary>The keyboard layout, e.g. <c>en-us</c>.</summary>
    public string? Keymap { get; init; }

    public VncSharePolicy? SharePolicy { get; init; }

    /// <summary>What happens to connected clients when the password changes (VNC: keep only).</summary>
    public GraphicsConnectedAction? Connected { get; init; }

    /// <summary><c>websocket</c>: the WebSocket port; -1 lets the host pick one.</summary>
    public int? WebSocket { get; init; }

    /// <summary><c>powerControl</c>: clients may ask for power actions.</summary>
    public bool? PowerControl { get; init; }

    /// <summary><c>&lt;audio id/&gt;</c>: the audio backend the display streams.</summary>
    public uint? AudioId { get; init; }
}

/// <summary><c>type='spice'</c>: a SPICE server with a plain and a TLS port and per-channel settings.</summary>
public sealed record SpiceGraphics : ListeningGraphics
{
    public override GraphicsType Type => GraphicsType.Spice;

    /// <summary>The TLS port; -1 is the legacy spelling of "pick one".</summary>
    public int? TlsPort { get; init; }

    public string? Passwd { get; init; }
    public DateTime? PasswdValidTo { get; init; }
    public string? Keymap { get; init; }
    public GraphicsConnectedAction? Connected { get; init; }

    /// <summary><c>defaultMode</c>: the port a channel without its own setting uses.</summary>
    public SpiceChannelMode? DefaultMode { get; init; }

    /// <summary>The <c>&lt;channel name mode/&gt;</c> elements in document order.</summary>
    public ImmutableArray<SpiceChannel> Channels { get; init; } = [];

    /// <summary><c>&lt;image compression/&gt;</c>.</summary>
    public SpiceImageCompression? ImageCompression { get; init; }

    /// <summary><c>&lt;jpeg compression/&gt;</c>.</summary>
    public SpiceWanCompression? JpegCompression { get; init; }

    /// <summary><c>&lt;zlib compression/&gt;</c>.</summary>
    public SpiceWanCompression? ZlibCompression { get; init; }

    /// <summary><c>&lt;playback compression='on|off'/&gt;</c>.</summary>
    public bool? PlaybackCompression { get; init; }

    /// <summary><c>&lt;streaming mode/&gt;</c>.</summary>
    public SpiceStreamingMode? StreamingMode { get; init; }

    /// <summary><c>&lt;clipboard copypaste='yes|no'/&gt;</c>.</summary>
    public bool? CopyPaste { get; init; }

    /// <summary><c>&lt;mouse mode/&gt;</c>.</summary>
    public SpiceMouseMode? MouseMode { get; init; }

    /// <summary><c>&lt;filetransfer enable/&gt;</c>.</summary>
    public bool? FileTransfer { get; init; }

    /// <summary><c>&lt;gl enable rendernode/&gt;</c>.</summary>
    public GraphicsGl? Gl { get; init; }
}

/// <summary><c>type='egl-headless'</c>: OpenGL rendering without a display of its own.</summary>
public sealed record EglHeadlessGraphics : Graphics
{
    public override GraphicsType Type => GraphicsType.EglHeadless;

    /// <summary><c>&lt;gl rendernode/&gt;</c>: the host DRM render node.</summary>
    public string? RenderNode { get; init; }
}

/// <summary><c>type='dbus'</c>: the display exported over D-Bus.</summary>
public sealed record DbusGraphics : Graphics
{
    public override GraphicsType Type => GraphicsType.Dbus;

    /// <summary><c>address</c>: the D-Bus address to export on (the session bus when null).</summary>
    public string? Address { get; init; }

    /// <summary><c>p2p</c>: peer-to-peer connections instead of a bus.</summary>
    public bool? PeerToPeer { get; init; }

    public GraphicsGl? Gl { get; init; }

    /// <summary><c>&lt;audio id/&gt;</c>.</summary>
    public uint? AudioId { get; init; }
}

/// <summary><c>&lt;gl enable rendernode/&gt;</c> of spice or dbus graphics.</summary>
public sealed record GraphicsGl
{
    public required bool Enable { get; init; }
    public string? RenderNode { get; init; }
}

/// <summary><c>type='rdp'</c>: an RDP server (VirtualBox).</summary>
public sealed record RdpGraphics : ListeningGraphics
{
    public override GraphicsType Type => GraphicsType.Rdp;
    public bool? ReplaceUser { get; init; }
    public bool? MultiUser { get; init; }
}

/// <summary>VNC <c>sharePolicy</c>: how several clients share the display.</summary>
public enum VncSharePolicy { AllowExclusive, ForceShared, Ignore }

/// <summary><c>connected</c>: what happens to connected clients when the password changes.</summary>
public enum GraphicsConnectedAction { Keep, Disconnect, Fail }

public static class GraphicsXml
{
    public static readonly XmlEnum<VncSharePolicy> SharePolicy = new(
        ("allow-exclusive", VncSharePolicy.AllowExclusive),
        ("force-shared", VncSharePolicy.ForceShared),
        ("ignore", VncSharePolicy.Ignore));

    public static readonly XmlEnum<GraphicsConnectedAction> Connected = new(
        ("keep", GraphicsConnectedAction.Keep),
        ("disconnect", GraphicsConnectedAction.Disconnect),
        ("fail", GraphicsConnectedAction.Fail));
}
