using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// The qemu-dm character device string of an HVM serial or parallel port (<c>pty</c>,
/// <c>file:/path</c>, <c>/dev/ttyS0</c>, <c>tcp:host:port,server,nowait</c>,
/// <c>udp:host:port@host:port</c>, <c>unix:/path,server,nowait</c>). xend takes it unquoted.
/// A device without a type (the Xen-era <c>&lt;console tty='...'/&gt;</c>) is a pty.
/// </summary>
internal static class CharDeviceFormat
{
    public static string Format(CharSource? source) => source switch
    {
        null or PtyCharSource => "pty",
        NullCharSource => "null",
        StdioCharSource => "stdio",
        VcCharSource => "vc",
        FileCharSource file => "file:" + file.Path,
        PipeCharSource pipe => "pipe:" + pipe.Path,
        DevCharSource dev => dev.Path,
        // Only raw TCP is plain "tcp"; every other protocol is spoken as telnet by qemu-dm.
        TcpCharSource tcp => $"{(tcp.Protocol is null or TcpProtocol.Raw ? "tcp" : "telnet")}:{tcp.Host}:{tcp.Service}{Listen(tcp.Mode)}",
        UdpCharSource udp => $"udp:{udp.ConnectHost}:{udp.ConnectService}@{udp.BindHost}:{udp.BindService}",
        UnixCharSource unix => $"unix:{unix.Path}{Listen(unix.Mode)}",
        _ => throw new InvalidOperationException($"the validator lets no {source.Type} character device through"),
    };

    /// <summary>Whether a source can be written as a qemu-dm character device string.</summary>
    public static bool IsSupported(CharSource? source) => source is not SpicevmcCharSource;

    private static string Listen(CharSourceMode? mode) => mode == CharSourceMode.Bind ? ",server,nowait" : "";
}
