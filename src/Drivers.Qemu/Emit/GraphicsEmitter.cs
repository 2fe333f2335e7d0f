using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -vnc (with its -object tls-creds-x509) and -k, -sdl and -full-screen, -spice. Passwords go through the monitor, never here.
internal static class GraphicsEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        switch (ctx.Plan.Graphics?.Graphics)
        {
            case null or EglHeadlessGraphics:
                break;
            case VncGraphics vnc:
                VncTlsCredentials(ctx, args);
                args.Add("-vnc");
                args.Add(Vnc(vnc, ctx));
                Keymap(vnc.Keymap, args);
                break;
            case SdlGraphics sdl:
                Sdl(sdl, ctx, args);
                break;
            case SpiceGraphics spice:
                args.Add("-spice");
                args.Add(Spice(spice, ctx));
                Keymap(spice.Keymap, args);
                break;
            case var other:
                throw new InvalidOperationException($"graphics type {other.Type} was not refused by validation");
        }
        foreach (var graphics in ctx.Domain.Devices.Graphics)
        {
            if (graphics is EglHeadlessGraphics egl) EglHeadless(egl, args);
        }
    }

    /// <summary>Headless OpenGL rendering (on the XML's render node, else one QEMU picks) beside the graphics server.</summary>
    private static void EglHeadless(EglHeadlessGraphics egl, List<string> args)
    {
        args.Add("-display");
        args.Add(new QemuOpts("egl-headless").Add("rendernode", egl.RenderNode).ToString());
    }

    /// <summary>The id of the TLS credentials object VNC uses on emulators with <c>tls-creds-x509</c>.</summary>
    public const string VncTlsCredentialsId = "vnc-tls-creds0";

    private static bool UsesTlsCredentials(QemuContext ctx) =>
        ctx.Has(QemuCapability.VncColon) && ctx.Host.Vnc.Tls && ctx.Has(QemuCapability.TlsCredsX509);

    private static void VncTlsCredentials(QemuContext ctx, List<string> args)
    {
        if (!UsesTlsCredentials(ctx)) return;
        var host = ctx.Host.Vnc;
        args.Add("-object");
        args.Add(new QemuOpts("tls-creds-x509").Add("id", VncTlsCredentialsId).Add("dir", host.TlsX509CertDir)
            .Add("endpoint", "server").AddOnOff("verify-peer", host.TlsX509Verify).ToString());
    }

    private static void Keymap(string? keymap, List<string> args)
    {
        if (keymap is null) return;
        args.Add("-k");
        args.Add(keymap);
    }

    private static void Sdl(SdlGraphics sdl, QemuContext ctx, List<string> args)
    {
        if (sdl.FullScreen == true) args.Add("-full-screen");
        // Newer QEMU needs -sdl asked for explicitly, as its default display changed.
        if (ctx.Has(QemuCapability.Sdl)) args.Add("-sdl");
    }

    private static string Vnc(VncGraphics vnc, QemuContext ctx)
    {
        var host = ctx.Host.Vnc;
        var colon = ctx.Has(QemuCapability.VncColon);
        var opts = new QemuOpts(ctx.Plan.Graphics?.VncDisplay ?? throw new InvalidOperationException("VNC graphics without a planned display"));
        if (vnc.SharePolicy is { } policy) opts.Add("share", GraphicsXml.SharePolicy.ToXml(policy));
        if (colon)
        {
            opts.Switch("password", vnc.Passwd is not null || host.Password is not null ? true : null, ctx.ExplicitBooleans);
            if (UsesTlsCredentials(ctx))
            {
                opts.Add("tls-creds", VncTlsCredentialsId);
            }
            else if (host.Tls)
            {
                opts.Flag("tls");
                opts.Add(host.TlsX509Verify ? "x509verify" : "x509", host.TlsX509CertDir);
            }
            opts.Switch("sasl", host.Sasl ? true : null, ctx.ExplicitBooleans);
        }
        if (vnc.WebSocket is { } websocket) opts.Add("websocket", websocket);
        opts.Switch("power-control", vnc.PowerControl, ctx.ExplicitBooleans);
        opts.Add("audiodev", ctx.Plan.Graphics?.Audiodev);
        return opts.ToString();
    }

    private static string Spice(SpiceGraphics spice, QemuContext ctx)
    {
        var host = ctx.Host.Spice;
        var planned = ctx.Plan.Graphics ?? throw new InvalidOperationException("SPICE graphics without a plan");
        var opts = new QemuOpts();
        if (planned.SpiceSocket is { } socket)
        {
            opts.Switch("unix", true, ctx.ExplicitBooleans).Add("addr", socket);
        }
        else
        {
            if (planned.Port > 0 || planned.TlsPort <= 0) opts.Add("port", planned.Port);
            if (planned.TlsPort > 0) opts.Add("tls-port", planned.TlsPort);
            opts.Add("addr", planned.Listen);
        }
        if (spice.MouseMode is { } mouse) opts.AddOnOff("agent-mouse", mouse == SpiceMouseMode.Client);
        // With a password, QEMU gets it over the monitor; without one, clients need no ticket.
        opts.Switch("disable-ticketing", spice.Passwd is null && host.Password is null ? true : null, ctx.ExplicitBooleans);
        if (host.Tls) opts.Add("x509-dir", host.TlsX509CertDir);
        AddChannel(opts, "default", spice.DefaultMode);
        // One setting per channel, in SPICE's channel order (the enum's, Main to Usbredir; walked by value, not with
        // Enum.GetValues, which reads reflection metadata); a later element for the same channel wins.
        for (var name = SpiceChannelName.Main; name <= SpiceChannelName.Usbredir; name++)
        {
            var mode = spice.Channels.LastOrDefault(c => c.Name == name)?.Mode;
            AddChannel(opts, SpiceXml.ChannelName.ToXml(name), mode);
        }
        if (spice.ImageCompression is { } image) opts.Add("image-compression", SpiceXml.ImageCompression.ToXml(image));
        if (spice.JpegCompression is { } jpeg) opts.Add("jpeg-wan-compression", SpiceXml.WanCompression.ToXml(jpeg));
        if (spice.ZlibCompression is { } zlib) opts.Add("zlib-glz-wan-compression", SpiceXml.WanCompression.ToXml(zlib));
        opts.AddOnOff("playback-compression", spice.PlaybackCompression);
        if (spice.StreamingMode is { } streaming) opts.Add("streaming-video", SpiceXml.StreamingMode.ToXml(streaming));
        opts.Switch("disable-copy-paste", spice.CopyPaste == false ? true : null, ctx.ExplicitBooleans);
        opts.Switch("disable-agent-file-xfer", spice.FileTransfer == false ? true : null, ctx.ExplicitBooleans);
        if (spice.Gl is { } gl)
        {
            opts.AddOnOff("gl", gl.Enable);
            opts.Add("rendernode", gl.RenderNode);
        }
        if (ctx.Has(QemuCapability.SeamlessMigration)) opts.Add("seamless-migration", "on");
        return opts.ToString();
    }

    private static void AddChannel(QemuOpts opts, string name, SpiceChannelMode? mode)
    {
        if (mode == SpiceChannelMode.Secure) opts.Add("tls-channel", name);
        else if (mode == SpiceChannelMode.Insecure) opts.Add("plaintext-channel", name);
    }
}
