using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -vnc, -sdl (and -full-screen).
internal static class GraphicsEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        foreach (var graphics in ctx.Domain.Devices.Graphics.Take(1))
        {
            switch (graphics)
            {
                case VncGraphics vnc:
                    yield return "-vnc";
                    yield return Vnc(vnc, ctx);
                    break;
                case SdlGraphics sdl:
                    if (sdl.FullScreen == true) yield return "-full-screen";
                    if (ctx.Has(QemuCapability.Sdl)) yield return "-sdl";
                    break;
            }
        }
    }

    private static string Vnc(VncGraphics vnc, QemuContext ctx)
    {
        var host = ctx.Host.Vnc;
        string display;
        if (vnc.Socket is { } socket)
        {
            display = "unix:" + socket;
        }
        else if (host.AutoUnixSocket)
        {
            display = $"unix:{ctx.Host.StateDirectory}/{ctx.Domain.Name}.vnc";
        }
        else
        {
            var listen = vnc.Listen ?? vnc.Listens.OfType<AddressListen>().FirstOrDefault()?.Address ?? host.Listen;
            var number = ((vnc.Port ?? 5900) - 5900).ToString(CultureInfo.InvariantCulture);
            display = ctx.Has(QemuCapability.VncColon)
                ? (listen.Contains(':') ? $"[{listen}]" : listen) + ":" + number
                : number;
        }
        var opts = new QemuOpts(display);
        if (vnc.Passwd is not null || host.Password is not null) opts.Flag("password");
        if (host.Tls)
        {
            opts.Flag("tls");
            opts.Add(host.TlsX509Verify ? "x509verify" : "x509", host.TlsX509CertDir);
        }
        if (host.Sasl) opts.Flag("sasl");
        return opts.ToString();
    }
}
