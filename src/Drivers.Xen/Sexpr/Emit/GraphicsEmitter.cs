using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// The framebuffer. Two forms: inside the image (<c>(vnc 1)</c> or <c>(sdl 1)</c> with its settings;
/// HVM guests, and paravirtualized ones before xend 3.0.4), or as devices
/// (<c>(device (vkbd))(device (vfb (type vnc) ...))</c>; paravirtualized guests from xend 3.0.4).
/// Only a domain with exactly one graphics device has a framebuffer; the validator refused types
/// other than vnc and sdl.
/// </summary>
internal static class GraphicsEmitter
{
    /// <summary>The graphics device to describe, or null when there is none (or more than one).</summary>
    public static Graphics? Single(Domain domain) => domain.Devices.Graphics is [var only] ? only : null;

    public static bool GoesInImage(XenSexprContext ctx) => ctx.Hvm || !ctx.Target.PvFramebufferAsDevice;

    /// <summary>The image form; before xend 3.0.3 VNC settings are not part of it.</summary>
    public static IEnumerable<SexprNode> InImage(XenSexprContext ctx)
    {
        switch (Single(ctx.Domain))
        {
            case SdlGraphics sdl:
                yield return Sx.Number("sdl", 1);
                foreach (var node in SdlSettings(sdl)) yield return node;
                break;
            case VncGraphics vnc:
                yield return Sx.Number("vnc", 1);
                if (ctx.Target.VncSettingsInImage)
                    foreach (var node in VncSettings(vnc)) yield return node;
                break;
        }
    }

    /// <summary>The device form.</summary>
    public static IEnumerable<SexprNode> AsDevices(XenSexprContext ctx)
    {
        var graphics = Single(ctx.Domain);
        if (graphics is not (SdlGraphics or VncGraphics)) yield break;
        yield return Sx.List("device", Sx.List("vkbd"));
        var settings = graphics switch
        {
            SdlGraphics sdl => [Sx.Word("type", "sdl"), .. SdlSettings(sdl)],
            VncGraphics vnc => (IEnumerable<SexprNode>)[Sx.Word("type", "vnc"), .. VncSettings(vnc)],
            _ => throw new InvalidOperationException("unreachable"),
        };
        yield return Sx.List("device", Sx.List("vfb", settings));
    }

    private static IEnumerable<SexprNode> SdlSettings(SdlGraphics sdl)
    {
        if (sdl.Display is { } display) yield return Sx.Quoted("display", display);
        if (sdl.Xauth is { } xauth) yield return Sx.Quoted("xauthority", xauth);
    }

    private static IEnumerable<SexprNode> VncSettings(VncGraphics vnc)
    {
        // A port chosen at start means "let xend pick the display".
        if (vnc.PortChosenAtStart)
        {
            yield return Sx.Number("vncunused", 1);
        }
        else
        {
            yield return Sx.Number("vncunused", 0);
            yield return Sx.Number("vncdisplay", vnc.Port!.Value - VncPorts.First);
        }
        if (ListenAddress(vnc) is { } listen) yield return Sx.Quoted("vnclisten", listen);
        if (vnc.Passwd is { } passwd) yield return Sx.Quoted("vncpasswd", passwd);
        if (vnc.Keymap is { } keymap) yield return Sx.Quoted("keymap", keymap);
    }

    /// <summary>The legacy <c>listen</c> attribute, else the first listen element's address.</summary>
    private static string? ListenAddress(VncGraphics vnc) =>
        vnc.Listen ?? vnc.Listens.FirstOrDefault() switch
        {
            AddressListen a => a.Address,
            NetworkListen n => n.Address,
            _ => null,
        };
}
