using System.Globalization;
using System.Text;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// The framebuffer. HVM guests (before xend 3.1.0) and old PV guests (before 3.0.4) use flat
/// settings: <c>sdl</c>, <c>vnc</c>, <c>vncunused</c>, <c>vncdisplay</c>, <c>vnclisten</c>,
/// <c>vncpasswd</c>, <c>keymap</c>, <c>display</c>, <c>xauthority</c>. Newer guests describe it as
/// one <c>vfb = [ "type=vnc,vncunused=1,..." ]</c> entry of <c>key=value</c> pairs.
/// </summary>
internal static class XmGraphicsSection
{
    /// <summary>VNC display N listens on TCP port 5900 + N.</summary>
    private const int VncBasePort = 5900;

    public static void Emit(XmBuildContext context)
    {
        var all = context.Domain.Devices.Graphics;
        if (all.IsEmpty) return;
        if (all.Length > 1)
        {
            context.Refuse(all[1].Location, $"an xm config holds one framebuffer; the domain has {all.Length} <graphics>");
            return;
        }
        var graphics = all[0];
        if (graphics is not (SdlGraphics or VncGraphics))
        {
            context.Refuse(graphics.Location,
                $"<graphics type='{GraphicsTypeXml.Table.ToXml(graphics.Type)}'> cannot be expressed in an xm config; allowed: sdl, vnc");
            return;
        }
        var flat = context.Version < (context.Hvm ? XendConfigVersion.Xen310 : XendConfigVersion.MinPvfbNewConfig);
        if (flat) EmitFlat(context, graphics);
        else context.SetList("vfb", [(VfbSpec(graphics), graphics.Location)]);
    }

    private static void EmitFlat(XmBuildContext context, Graphics graphics)
    {
        var at = graphics.Location;
        if (graphics is SdlGraphics sdl)
        {
            context.Set("sdl", true);
            context.Set("vnc", false);
            if (sdl.Display is { } display) context.Set("display", display, at);
            if (sdl.Xauth is { } xauth) context.Set("xauthority", xauth, at);
            return;
        }
        var vnc = (VncGraphics)graphics;
        var autoPort = vnc.PortChosenAtStart;
        context.Set("sdl", false);
        context.Set("vnc", true);
        context.Set("vncunused", autoPort);
        if (!autoPort) context.Set("vncdisplay", (vnc.Port ?? 0) - VncBasePort);
        if (ListenAddress(vnc) is { } listen) context.Set("vnclisten", listen, at);
        if (vnc.Passwd is { } passwd) context.Set("vncpasswd", passwd, at);
        if (vnc.Keymap is { } keymap) context.Set("keymap", keymap, at);
    }

    private static string VfbSpec(Graphics graphics)
    {
        var spec = new StringBuilder();
        if (graphics is SdlGraphics sdl)
        {
            spec.Append("type=sdl");
            if (sdl.Display is { } display) spec.Append(",display=").Append(display);
            if (sdl.Xauth is { } xauth) spec.Append(",xauthority=").Append(xauth);
            return spec.ToString();
        }
        var vnc = (VncGraphics)graphics;
        var autoPort = vnc.PortChosenAtStart;
        spec.Append("type=vnc,vncunused=").Append(autoPort ? '1' : '0');
        if (!autoPort) spec.Append(",vncdisplay=").Append(((vnc.Port ?? 0) - VncBasePort).ToString(CultureInfo.InvariantCulture));
        if (ListenAddress(vnc) is { } listen) spec.Append(",vnclisten=").Append(listen);
        if (vnc.Passwd is { } passwd) spec.Append(",vncpasswd=").Append(passwd);
        if (vnc.Keymap is { } keymap) spec.Append(",keymap=").Append(keymap);
        return spec.ToString();
    }

    private static string? ListenAddress(ListeningGraphics graphics) => graphics.Listens.FirstOrDefault() switch
    {
        AddressListen a => a.Address,
        NetworkListen n => n.Address,
        _ => graphics.Listen,
    };

    public static Graphics? Read(XmSettings settings, bool hvm, int version)
    {
        // Read every setting so each counts as known, whichever form this guest uses.
        var vncOn = settings.Flag("vnc", false);
        var unused = settings.Flag("vncunused", true);
        var display = settings.Integer("vncdisplay", 0);
        var listen = settings.String("vnclisten");
        var passwd = settings.String("vncpasswd");
        var keymap = settings.String("keymap");
        var sdlOn = settings.Flag("sdl", false);
        var sdlDisplay = settings.String("display");
        var xauth = settings.String("xauthority");
        var vfb = settings.StringList("vfb");

        if (hvm || version < XendConfigVersion.MinPvfbNewConfig)
        {
            if (vncOn == true)
            {
                var autoPort = unused ?? true;
                var port = autoPort ? 0 : (int)Math.Clamp((display ?? 0) + VncBasePort, int.MinValue, int.MaxValue);
                return Vnc(port, autoPort, listen, passwd, keymap);
            }
            if (sdlOn == true) return new SdlGraphics { Display = sdlDisplay, Xauth = xauth };
        }
        if (!hvm && vfb is { Count: > 0 }) return ReadVfb(settings, vfb[0]);
        return null;
    }

    private static Graphics ReadVfb(XmSettings settings, XmString entry)
    {
        var spec = entry.Text;
        if (spec.Contains("type=sdl", StringComparison.Ordinal))
        {
            string? display = null, xauth = null;
            foreach (var (key, value) in Pairs(spec))
            {
                if (key == "display") display = value;
                else if (key == "xauthority") xauth = value;
            }
            return new SdlGraphics { Display = display, Xauth = xauth };
        }
        bool autoPort = false;
        int port = 0;
        string? listen = null, passwd = null, keymap = null;
        foreach (var (key, value) in Pairs(spec))
        {
            switch (key)
            {
                case "vncunused":
                    autoPort |= value == "1";
                    break;
                case "vnclisten":
                    listen = value;
                    break;
                case "vncpasswd":
                    passwd = value;
                    break;
                case "keymap":
                    keymap = value;
                    break;
                case "vncdisplay":
                    if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n <= int.MaxValue - VncBasePort)
                        port = n + VncBasePort;
                    else settings.Invalid(entry, "vfb[0]", $"vfb vncdisplay=\"{value}\" is not a display number");
                    break;
            }
        }
        return Vnc(port, autoPort, listen, passwd, keymap);
    }

    // The reference stops at the first part without '=' and skips blanks after commas.
    private static IEnumerable<(string Key, string Value)> Pairs(string spec)
    {
        foreach (var raw in spec.Split(','))
        {
            var part = raw.TrimStart(' ', '\t');
            if (part.Length == 0) continue;
            var equals = part.IndexOf('=');
            if (equals < 0) yield break;
            yield return (part[..equals], part[(equals + 1)..]);
        }
    }

    // The reference's XML shows port -1 for "pick one" and no port when none was chosen.
    private static VncGraphics Vnc(int port, bool autoPort, string? listen, string? passwd, string? keymap) => new()
    {
        Port = port != 0 ? port : autoPort ? -1 : null,
        AutoPort = autoPort,
        Listen = listen,
        Listens = listen is null ? [] : [new AddressListen { Address = listen }],
        Passwd = passwd,
        Keymap = keymap,
    };
}
