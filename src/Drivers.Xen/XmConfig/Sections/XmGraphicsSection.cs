using System.Globalization;
using System.Text;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// The framebuffer. HVM guests (at every xend version, and with libxl) and old PV guests (before 3.0.4) use flat
/// settings: <c>sdl</c>, <c>vnc</c>, <c>vncunused</c>, <c>vncdisplay</c>, <c>vnclisten</c>,
/// <c>vncpasswd</c>, <c>keymap</c>, <c>display</c>, <c>xauthority</c>. Newer guests describe it as
/// one <c>vfb = [ "type=vnc,vncunused=1,..." ]</c> entry of <c>key=value</c> pairs.
/// </summary>
internal static class XmGraphicsSection
{
    public static IEnumerable<XmEntry> Emit(XmConfigContext ctx)
    {
        // The validator refused more than one framebuffer and types other than sdl and vnc.
        if (ctx.Domain.Devices.Graphics is not [var graphics]) return [];
        // xl writes a SPICE server with its own settings, after the disks (XlDeviceSection).
        if (graphics is SpiceGraphics) return [];
        return Flat(ctx) ? EmitFlat(graphics) : Xm.Strings("vfb", [VfbSpec(graphics)]);
    }

    /// <summary>Whether the framebuffer is written as flat settings rather than a <c>vfb</c> list.</summary>
    public static bool Flat(XmConfigContext ctx) =>
        ctx.Hvm || !ctx.Target.PvFramebufferAsDevice;

    private static IEnumerable<XmEntry> EmitFlat(Graphics graphics)
    {
        switch (graphics)
        {
            case SdlGraphics:
                yield return Xm.Flag("sdl", true);
                yield return Xm.Flag("vnc", false);
                break;
            case VncGraphics vnc:
                var autoPort = vnc.PortChosenAtStart;
                yield return Xm.Flag("sdl", false);
                yield return Xm.Flag("vnc", true);
                yield return Xm.Flag("vncunused", autoPort);
                if (!autoPort) yield return Xm.Integer("vncdisplay", (vnc.Port ?? 0) - VncPorts.First);
                break;
            default:
                throw new InvalidOperationException($"the validator lets no {graphics.Type} graphics through");
        }
        foreach (var (name, text) in FlatStrings(graphics)) yield return Xm.String(name, text);
    }

    /// <summary>The string settings of the flat form, after its switches.</summary>
    public static IEnumerable<(string Name, string Text)> FlatStrings(Graphics graphics)
    {
        if (graphics is SdlGraphics sdl)
        {
            if (sdl.Display is { } display) yield return ("display", display);
            if (sdl.Xauth is { } xauth) yield return ("xauthority", xauth);
        }
        else if (graphics is VncGraphics vnc)
        {
            if (ListenAddress(vnc) is { } listen) yield return ("vnclisten", listen);
            if (vnc.Passwd is { } passwd) yield return ("vncpasswd", passwd);
            if (vnc.Keymap is { } keymap) yield return ("keymap", keymap);
        }
    }

    /// <summary>The one entry of the <c>vfb</c> list: <c>key=value</c> pairs.</summary>
    public static string VfbSpec(Graphics graphics)
    {
        var spec = new StringBuilder();
        if (graphics is SdlGraphics sdl)
        {
            spec.Append("type=sdl");
            if (sdl.Display is { } display) spec.Append(",display=").Append(display);
            if (sdl.Xauth is { } xauth) spec.Append(",xauthority=").Append(xauth);
            return spec.ToString();
        }
        var vnc = graphics as VncGraphics ?? throw new InvalidOperationException($"the validator lets no {graphics.Type} graphics through");
        var autoPort = vnc.PortChosenAtStart;
        spec.Append("type=vnc,vncunused=").Append(autoPort ? '1' : '0');
        if (!autoPort) spec.Append(",vncdisplay=").Append(((vnc.Port ?? 0) - VncPorts.First).ToString(CultureInfo.InvariantCulture));
        if (ListenAddress(vnc) is { } listen) spec.Append(",vnclisten=").Append(listen);
        if (vnc.Passwd is { } passwd) spec.Append(",vncpasswd=").Append(passwd);
        if (vnc.Keymap is { } keymap) spec.Append(",keymap=").Append(keymap);
        return spec.ToString();
    }

    public static string? ListenAddress(ListeningGraphics graphics) => graphics.Listens.FirstOrDefault() switch
    {
        AddressListen a => a.Address,
        NetworkListen n => n.Address,
        _ => graphics.Listen,
    };

    public static Graphics? Read(XmSettings settings, bool hvm, XenTarget target)
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

        if (hvm || !target.PvFramebufferAsDevice)
        {
            if (vncOn == true)
            {
                var autoPort = unused ?? true;
                var port = autoPort ? 0 : (int)Math.Clamp((display ?? 0) + VncPorts.First, int.MinValue, int.MaxValue);
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
                    if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n <= int.MaxValue - VncPorts.First)
                        port = n + VncPorts.First;
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
