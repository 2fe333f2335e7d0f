using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads <c>&lt;graphics type='...'&gt;</c> into the record of its type: sdl and desktop windows,
/// and vnc, spice and rdp servers with their ports, listen addresses, passwords and (spice)
/// channel and compression settings.
/// </summary>
internal static class GraphicsParser
{
    public static Graphics? Parse(ElementReader graphics)
    {
        var type = graphics.RequiredEnum("type", GraphicsTypeXml.Table);
        if (type is null)
        {
            // Without a known type nothing else can be understood; the error says why.
            graphics.ReadWhole();
            return null;
        }
        return type.Value switch
        {
            GraphicsType.Sdl => new SdlGraphics
            {
                Display = graphics.Attr("display"),
                Xauth = graphics.Attr("xauth"),
                FullScreen = graphics.YesNo("fullscreen"),
                GlEnable = graphics.SingleChild("gl") is { } gl ? RequiredFlags.RequiredYesNo(gl, "enable") : null,
                Location = graphics.Location,
            },
            GraphicsType.Desktop => new DesktopGraphics
            {
                Display = graphics.Attr("display"),
                FullScreen = graphics.YesNo("fullscreen"),
                Location = graphics.Location,
            },
            GraphicsType.Vnc => Vnc(graphics),
            GraphicsType.Spice => Spice(graphics),
            GraphicsType.Rdp => new RdpGraphics
            {
                Port = Port(graphics, "port"),
                AutoPort = graphics.YesNo("autoport"),
                ReplaceUser = graphics.YesNo("replaceUser"),
                MultiUser = graphics.YesNo("multiUser"),
                Listen = graphics.Attr("listen"),
                Listens = Listens(graphics),
                Location = graphics.Location,
            },
            GraphicsType.EglHeadless => new EglHeadlessGraphics
            {
                RenderNode = graphics.SingleChild("gl")?.Attr("rendernode"),
                Location = graphics.Location,
            },
            GraphicsType.Dbus => new DbusGraphics
            {
                Address = graphics.Attr("address"),
                PeerToPeer = graphics.YesNo("p2p"),
                Gl = Gl(graphics),
                AudioId = AudioReference(graphics),
                Location = graphics.Location,
            },
            _ => throw new InvalidOperationException($"graphics type {type} has no reader"),
        };
    }

    private static VncGraphics Vnc(ElementReader graphics)
    {
        var connected = graphics.Enum("connected", GraphicsXml.Connected);
        if (connected is not null and not GraphicsConnectedAction.Keep)
        {
            graphics.AttrError("connected", DiagnosticCatalog.UnknownEnumValue,
                $"'{graphics.Attr("connected")}' is not valid for attribute 'connected' of VNC graphics; allowed: keep");
            connected = null;
        }
        return new VncGraphics
        {
            Port = Port(graphics, "port"),
            AutoPort = graphics.YesNo("autoport"),
            Listen = graphics.Attr("listen"),
            Listens = Listens(graphics),
            Socket = graphics.Attr("socket"),
            Passwd = graphics.Attr("passwd"),
            PasswdValidTo = ValidTo(graphics),
            Keymap = graphics.Attr("keymap"),
            SharePolicy = graphics.Enum("sharePolicy", GraphicsXml.SharePolicy),
            Connected = connected,
            WebSocket = Port(graphics, "websocket"),
            PowerControl = graphics.YesNo("powerControl"),
            AudioId = AudioReference(graphics),
            Location = graphics.Location,
        };
    }

    /// <summary><c>&lt;gl enable rendernode/&gt;</c>; enable is required.</summary>
    private static GraphicsGl? Gl(ElementReader graphics)
    {
        var gl = graphics.SingleChild("gl");
        if (gl is null) return null;
        var enable = RequiredFlags.RequiredYesNo(gl, "enable");
        var renderNode = gl.Attr("rendernode");
        return enable is null ? null : new GraphicsGl { Enable = enable.Value, RenderNode = renderNode };
    }

    /// <summary><c>&lt;audio id/&gt;</c> of a display or sound card: the id of an audio backend (0 to 255).</summary>
    internal static uint? AudioReference(ElementReader device)
    {
        var audio = device.SingleChild("audio");
        return audio is null || audio.RequiredAttr("id") is null ? null : audio.UInt("id", 255);
    }

    private static SpiceGraphics Spice(ElementReader graphics) => new()
    {
        Port = Port(graphics, "port"),
        TlsPort = Port(graphics, "tlsPort"),
        AutoPort = graphics.YesNo("autoport"),
        Listen = graphics.Attr("listen"),
        Listens = Listens(graphics),
        Passwd = graphics.Attr("passwd"),
        PasswdValidTo = ValidTo(graphics),
        Keymap = graphics.Attr("keymap"),
        Connected = graphics.Enum("connected", GraphicsXml.Connected),
        DefaultMode = graphics.Enum("defaultMode", SpiceXml.ChannelMode),
        Channels = [.. graphics.Children("channel").Select(Channel).OfType<SpiceChannel>()],
        ImageCompression = graphics.SingleChild("image")?.RequiredEnum("compression", SpiceXml.ImageCompression),
        JpegCompression = graphics.SingleChild("jpeg")?.RequiredEnum("compression", SpiceXml.WanCompression),
        ZlibCompression = graphics.SingleChild("zlib")?.RequiredEnum("compression", SpiceXml.WanCompression),
        PlaybackCompression = graphics.SingleChild("playback") is { } playback
            ? RequiredFlags.RequiredOnOff(playback, "compression")
            : null,
        StreamingMode = graphics.SingleChild("streaming")?.RequiredEnum("mode", SpiceXml.StreamingMode),
        CopyPaste = graphics.SingleChild("clipboard") is { } clipboard
            ? RequiredFlags.RequiredYesNo(clipboard, "copypaste")
            : null,
        MouseMode = graphics.SingleChild("mouse")?.RequiredEnum("mode", SpiceXml.MouseMode),
        FileTransfer = graphics.SingleChild("filetransfer") is { } fileTransfer
            ? RequiredFlags.RequiredYesNo(fileTransfer, "enable")
            : null,
        Gl = Gl(graphics),
        Location = graphics.Location,
    };

    private static SpiceChannel? Channel(ElementReader channel)
    {
        var name = channel.RequiredEnum("name", SpiceXml.ChannelName);
        var mode = channel.RequiredEnum("mode", SpiceXml.ChannelMode);
        return name is null || mode is null ? null : new SpiceChannel(name.Value, mode.Value);
    }

    /// <summary>A TCP port, or -1 (the legacy "allocate one for me").</summary>
    private static int? Port(ElementReader graphics, string name) => graphics.Int(name, min: -1, max: 65535);

    /// <summary><c>passwdValidTo</c>: a UTC timestamp <c>YYYY-MM-DDTHH:MM:SS</c>.</summary>
    private static DateTime? ValidTo(ElementReader graphics)
    {
        var text = graphics.Attr("passwdValidTo");
        if (text is null) return null;
        if (DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var validTo))
            return validTo;
        graphics.AttrError("passwdValidTo", DiagnosticCatalog.InvalidValue,
            $"'{text}' is not a timestamp; expected YYYY-MM-DDTHH:MM:SS (UTC), e.g. 2010-04-09T15:51:00");
        return null;
    }

    /// <summary>
    /// The <c>&lt;listen&gt;</c> elements. The legacy <c>listen</c> attribute, when given with them,
    /// must name the address of the first one (when that one has an address).
    /// </summary>
    private static ImmutableArray<GraphicsListen> Listens(ElementReader graphics)
    {
        var listens = new List<GraphicsListen>();
        foreach (var element in graphics.Children("listen"))
        {
            if (Listen(element) is { } listen) listens.Add(listen);
        }

        var legacy = graphics.Attr("listen");
        var firstAddress = listens.FirstOrDefault() switch
        {
            AddressListen a => a.Address,
            NetworkListen n => n.Address,
            _ => null,
        };
        if (legacy is not null && firstAddress is not null && legacy != firstAddress)
            graphics.AttrError("listen", DiagnosticCatalog.InconsistentValue,
                $"listen attribute '{legacy}' must match the address '{firstAddress}' of the first <listen> element");
        return [.. listens];
    }

    private static GraphicsListen? Listen(ElementReader listen)
    {
        var type = listen.RequiredEnum("type", GraphicsListenTypeXml.Table);
        switch (type)
        {
            case GraphicsListenType.Address:
                return new AddressListen { Address = listen.Attr("address") };
            case GraphicsListenType.Network:
                var network = listen.RequiredAttr("network");
                var networkAddress = listen.Attr("address");
                return network is null ? null : new NetworkListen { Network = network, Address = networkAddress };
            case GraphicsListenType.Socket:
                return new SocketListen { Socket = listen.Attr("socket") };
            case GraphicsListenType.None:
                return new NoneListen();
            default:
                // Unknown or missing type: already reported; its other attributes mean nothing.
                listen.ReadWhole();
                return null;
        }
    }
}
