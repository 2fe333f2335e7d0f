using System.Globalization;
using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes <c>&lt;graphics&gt;</c>. The reference keeps one list of listen addresses: the legacy
/// <c>listen</c> attribute and the <c>&lt;listen&gt;</c> elements describe the same first address,
/// so both are always written from it (the attribute as given when the first listen has no
/// address). Switches the reference only writes when on (fullscreen, replaceUser, multiUser) are
/// left out when off.
/// </summary>
internal static class GraphicsWriter
{
    public static XmlElement Write(Graphics graphics) => graphics switch
    {
        VncGraphics vnc => Vnc(vnc),
        SpiceGraphics spice => Spice(spice),
        RdpGraphics rdp => Rdp(rdp),
        SdlGraphics sdl => Element("graphics",
            Attr("type", sdl.Type, GraphicsTypeXml.Table),
            Attr("display", sdl.Display),
            Attr("xauth", sdl.Xauth),
            sdl.FullScreen == true ? YesNo("fullscreen", true) : null,
            sdl.GlEnable is null ? null : Element("gl", YesNo("enable", sdl.GlEnable))),
        DesktopGraphics desktop => Element("graphics",
            Attr("type", desktop.Type, GraphicsTypeXml.Table),
            Attr("display", desktop.Display),
            desktop.FullScreen == true ? YesNo("fullscreen", true) : null),
        EglHeadlessGraphics egl => Element("graphics",
            Attr("type", egl.Type, GraphicsTypeXml.Table),
            egl.RenderNode is null ? null : Element("gl", Attr("rendernode", egl.RenderNode))),
        DbusGraphics dbus => Element("graphics",
            Attr("type", dbus.Type, GraphicsTypeXml.Table),
            Attr("address", dbus.Address),
            YesNo("p2p", dbus.PeerToPeer),
            Gl(dbus.Gl),
            AudioReference(dbus.AudioId)),
        _ => throw new InvalidOperationException($"no writer for graphics {graphics.GetType().Name}"),
    };

    private static XmlElement? Gl(GraphicsGl? gl) =>
        gl is null ? null : Element("gl", YesNo("enable", gl.Enable), Attr("rendernode", gl.RenderNode));

    /// <summary><c>&lt;audio id/&gt;</c>: the audio backend a display or sound card uses.</summary>
    public static XmlElement? AudioReference(uint? id) => id is null ? null : Element("audio", Attr("id", id));

    /// <summary>
    /// A VNC server: a socket, or a port (-1 with autoport, which is on when asked for, when the
    /// port is -1 or when no port is given), autoport, listen; then keymap, share policy and the
    /// password attributes.
    /// </summary>
    private static XmlElement Vnc(VncGraphics vnc)
    {
        var listens = Listens(vnc);
        var autoPort = vnc.PortChosenAtStart;
        // A socket named by the first listen element is also written as the attribute, as the reference does.
        var socket = vnc.Socket ?? (listens.FirstOrDefault() as SocketListen)?.Socket;
        XmlNode?[] endpoint = socket is not null || listens.FirstOrDefault() is SocketListen or NoneListen
            ? [Attr("socket", socket)]
            :
            [
                autoPort ? Attr("port", -1) : vnc.Port is > 0 ? Attr("port", vnc.Port) : null,
                YesNo("autoport", autoPort),
                Attr("websocket", vnc.WebSocket),
                ListenAttribute(vnc, listens),
            ];
        return Element("graphics",
        [
            Attr("type", vnc.Type, GraphicsTypeXml.Table),
            .. endpoint,
            Attr("keymap", vnc.Keymap),
            Attr("sharePolicy", vnc.SharePolicy, GraphicsXml.SharePolicy),
            YesNo("powerControl", vnc.PowerControl),
            .. Password(vnc.Passwd, vnc.PasswdValidTo, vnc.Connected),
            .. listens.Select(Listen),
            AudioReference(vnc.AudioId),
        ]);
    }

    /// <summary>
    /// A SPICE server: port and TLS port unless the host picks them, autoport, listen, keymap,
    /// default mode (when not any), password; then listens, channels and the tuning elements.
    /// </summary>
    private static XmlElement Spice(SpiceGraphics spice)
    {
        var listens = Listens(spice);
        var autoPort = spice.AutoPort == true || spice.Port == -1 || spice.TlsPort == -1;
        return Element("graphics",
        [
            Attr("type", spice.Type, GraphicsTypeXml.Table),
            !autoPort && spice.Port is > 0 ? Attr("port", spice.Port) : null,
            !autoPort && spice.TlsPort is > 0 ? Attr("tlsPort", spice.TlsPort) : null,
            YesNo("autoport", autoPort),
            ListenAttribute(spice, listens),
            Attr("keymap", spice.Keymap),
            spice.DefaultMode is SpiceChannelMode.Any ? null : Attr("defaultMode", spice.DefaultMode, SpiceXml.ChannelMode),
            .. Password(spice.Passwd, spice.PasswdValidTo, spice.Connected),
            .. listens.Select(Listen),
            .. spice.Channels.Where(c => c.Mode != SpiceChannelMode.Any).OrderBy(c => c.Name).Select(c => Element("channel",
                Attr("name", c.Name, SpiceXml.ChannelName), Attr("mode", c.Mode, SpiceXml.ChannelMode))),
            spice.ImageCompression is null ? null
                : Element("image", Attr("compression", spice.ImageCompression, SpiceXml.ImageCompression)),
            spice.JpegCompression is null ? null
                : Element("jpeg", Attr("compression", spice.JpegCompression, SpiceXml.WanCompression)),
            spice.ZlibCompression is null ? null
                : Element("zlib", Attr("compression", spice.ZlibCompression, SpiceXml.WanCompression)),
            spice.PlaybackCompression is null ? null : Element("playback", OnOff("compression", spice.PlaybackCompression)),
            spice.StreamingMode is null ? null : Element("streaming", Attr("mode", spice.StreamingMode, SpiceXml.StreamingMode)),
            spice.MouseMode is null ? null : Element("mouse", Attr("mode", spice.MouseMode, SpiceXml.MouseMode)),
            spice.CopyPaste is null ? null : Element("clipboard", YesNo("copypaste", spice.CopyPaste)),
            spice.FileTransfer is null ? null : Element("filetransfer", YesNo("enable", spice.FileTransfer)),
            Gl(spice.Gl),
        ]);
    }

    /// <summary>An RDP server: port (0 with autoport), autoport, replaceUser and multiUser when set, listen.</summary>
    private static XmlElement Rdp(RdpGraphics rdp)
    {
        var listens = Listens(rdp);
        return Element("graphics",
        [
            Attr("type", rdp.Type, GraphicsTypeXml.Table),
            rdp.Port is > 0 ? Attr("port", rdp.Port) : rdp.AutoPort == true ? Attr("port", 0) : null,
            rdp.AutoPort == true ? YesNo("autoport", true) : null,
            rdp.ReplaceUser == true ? YesNo("replaceUser", true) : null,
            rdp.MultiUser == true ? YesNo("multiUser", true) : null,
            ListenAttribute(rdp, listens),
            .. listens.Select(Listen),
        ]);
    }

    /// <summary>The listen elements, or the one the legacy attribute stands for.</summary>
    private static IReadOnlyList<GraphicsListen> Listens(ListeningGraphics graphics) =>
        !graphics.Listens.IsEmpty ? graphics.Listens
        : graphics.Listen is not null ? [new AddressListen { Address = graphics.Listen }]
        : [];

    /// <summary>The legacy attribute: the first listen's address, else the attribute as given.</summary>
    private static XmlAttribute? ListenAttribute(ListeningGraphics graphics, IReadOnlyList<GraphicsListen> listens) =>
        Attr("listen", FirstAddress(listens) ?? graphics.Listen);

    private static string? FirstAddress(IReadOnlyList<GraphicsListen> listens) => listens.FirstOrDefault() switch
    {
        AddressListen a => a.Address,
        NetworkListen n => n.Address,
        _ => null,
    };

    private static XmlElement Listen(GraphicsListen listen) => listen switch
    {
        AddressListen a => Element("listen", Attr("type", a.Type, GraphicsListenTypeXml.Table), Attr("address", a.Address)),
        NetworkListen n => Element("listen",
            Attr("type", n.Type, GraphicsListenTypeXml.Table), Attr("address", n.Address), Attr("network", n.Network)),
        SocketListen socket => Element("listen", Attr("type", socket.Type, GraphicsListenTypeXml.Table), Attr("socket", socket.Socket)),
        NoneListen none => Element("listen", Attr("type", none.Type, GraphicsListenTypeXml.Table)),
        _ => throw new InvalidOperationException($"no writer for listen {listen.GetType().Name}"),
    };

    /// <summary>passwd, passwdValidTo (UTC, to the second), connected.</summary>
    private static IEnumerable<XmlAttribute?> Password(string? passwd, DateTime? validTo, GraphicsConnectedAction? connected) =>
    [
        Attr("passwd", passwd),
        validTo is { } time ? Attr("passwdValidTo", time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)) : null,
        Attr("connected", connected, GraphicsXml.Connected),
    ];
}
