using System.Globalization;
using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes <c>&lt;graphics&gt;</c> as the model holds it. The post-parse stage has already made the
/// legacy <c>listen</c> attribute and the <c>&lt;listen&gt;</c> elements agree, settled the ports and
/// autoport, and dropped what a socket server or host-picked ports make meaningless.
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
            YesNo("fullscreen", sdl.FullScreen),
            sdl.GlEnable is null ? null : Element("gl", YesNo("enable", sdl.GlEnable))),
        DesktopGraphics desktop => Element("graphics",
            Attr("type", desktop.Type, GraphicsTypeXml.Table),
            Attr("display", desktop.Display),
            YesNo("fullscreen", desktop.FullScreen)),
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
    /// A VNC server: socket, port, autoport, websocket, listen; then keymap, share policy and the
    /// password attributes, the listen elements and the audio backend.
    /// </summary>
    private static XmlElement Vnc(VncGraphics vnc) =>
        Element("graphics",
        [
            Attr("type", vnc.Type, GraphicsTypeXml.Table),
            Attr("socket", vnc.Socket),
            Attr("port", vnc.Port),
            YesNo("autoport", vnc.AutoPort),
            Attr("websocket", vnc.WebSocket),
            Attr("listen", vnc.Listen),
            Attr("keymap", vnc.Keymap),
            Attr("sharePolicy", vnc.SharePolicy, GraphicsXml.SharePolicy),
            YesNo("powerControl", vnc.PowerControl),
            .. Password(vnc.Passwd, vnc.PasswdValidTo, vnc.Connected),
            .. vnc.Listens.Select(Listen),
            AudioReference(vnc.AudioId),
        ]);

    /// <summary>
    /// A SPICE server: port, TLS port, autoport, listen, keymap, default mode (when not any),
    /// password; then listens, channels and the tuning elements.
    /// </summary>
    private static XmlElement Spice(SpiceGraphics spice) =>
        Element("graphics",
        [
            Attr("type", spice.Type, GraphicsTypeXml.Table),
            Attr("port", spice.Port),
            Attr("tlsPort", spice.TlsPort),
            YesNo("autoport", spice.AutoPort),
            Attr("listen", spice.Listen),
            Attr("keymap", spice.Keymap),
            spice.DefaultMode is SpiceChannelMode.Any ? null : Attr("defaultMode", spice.DefaultMode, SpiceXml.ChannelMode),
            .. Password(spice.Passwd, spice.PasswdValidTo, spice.Connected),
            .. spice.Listens.Select(Listen),
            .. spice.Channels.Select(c => Element("channel",
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

    /// <summary>An RDP server: port, autoport, replaceUser, multiUser, listen.</summary>
    private static XmlElement Rdp(RdpGraphics rdp) =>
        Element("graphics",
        [
            Attr("type", rdp.Type, GraphicsTypeXml.Table),
            Attr("port", rdp.Port),
            YesNo("autoport", rdp.AutoPort),
            YesNo("replaceUser", rdp.ReplaceUser),
            YesNo("multiUser", rdp.MultiUser),
            Attr("listen", rdp.Listen),
            .. rdp.Listens.Select(Listen),
        ]);

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
