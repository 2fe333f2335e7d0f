using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Planning;

/// <summary>
/// The qemu-dm character device string of an HVM serial or parallel port, in both Xen outputs:
/// <c>pty</c>, <c>null</c>, <c>vc</c>, <c>stdio</c>, a device path (<c>/dev/ttyS0</c>),
/// <c>file:PATH</c>, <c>pipe:PATH</c>, <c>tcp:HOST:PORT[,server,nowait]</c>,
/// <c>telnet:HOST:PORT[,server,nowait]</c>, <c>udp:HOST:PORT@BINDHOST:BINDPORT</c>,
/// <c>unix:PATH[,server,nowait]</c>. A device without a type (the Xen-era
/// <c>&lt;console tty='...'/&gt;</c>) is a pty.
/// <para>
/// The string is plain text: the S-expression writes <see cref="Format"/> as a symbol (quoted when
/// it is not a plain word), the xm config holds it as a string (quoted as Python reads it), and
/// <see cref="Parse"/> reads it back from the xm config.
/// </para>
/// </summary>
internal static class CharDeviceSpec
{
    private const string Listen = ",server,nowait";

    /// <summary>Whether a source can be written as a qemu-dm character device string.</summary>
    public static bool IsSupported(CharSource? source) => source is not SpicevmcCharSource;

    /// <summary>The string of a source, unescaped; only a supported source has one.</summary>
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
        TcpCharSource tcp => $"{(tcp.Protocol is null or TcpProtocol.Raw ? "tcp" : "telnet")}:{tcp.Host}:{tcp.Service}{ListenOption(tcp.Mode)}",
        UdpCharSource udp => $"udp:{udp.ConnectHost}:{udp.ConnectService}@{udp.BindHost}:{udp.BindService}",
        UnixCharSource unix => $"unix:{unix.Path}{ListenOption(unix.Mode)}",
        _ => throw new InvalidOperationException($"the validator lets no {source.Type} character device through"),
    };

    private static string ListenOption(CharSourceMode? mode) => mode == CharSourceMode.Bind ? Listen : "";

    /// <summary>Reads a spec (see <see cref="Format"/>); on failure returns null and says why.</summary>
    public static CharSource? Parse(string spec, out string? error)
    {
        error = null;
        var written = XmLimits.Shorten(spec);
        if (spec.StartsWith('/')) return new DevCharSource { Path = spec };
        var colon = spec.IndexOf(':');
        var prefix = colon < 0 ? spec : spec[..colon];
        var value = colon < 0 ? spec : spec[(colon + 1)..];
        CharSourceType type;
        TcpProtocol? protocol = null;
        if (prefix.StartsWith("telnet", StringComparison.Ordinal))
        {
            type = CharSourceType.Tcp;
            protocol = TcpProtocol.Telnet;
        }
        // Only the types of the Xen era: later libvirt types are not spec prefixes xend knew.
        else if (!CharSourceXml.Type.TryParse(prefix, out type)
                 || type is CharSourceType.Spicevmc or CharSourceType.Spiceport or CharSourceType.Nmdm
                     or CharSourceType.QemuVdagent or CharSourceType.Dbus)
        {
            error = $"\"{written}\" is not a character device; it starts with an unknown type '{prefix}' "
                + "(allowed: pty, null, vc, stdio, /dev/PATH, file:, pipe:, tcp:, telnet:, udp:, unix:)";
            return null;
        }
        switch (type)
        {
            case CharSourceType.Null: return new NullCharSource();
            case CharSourceType.Vc: return new VcCharSource();
            case CharSourceType.Stdio: return new StdioCharSource();
            case CharSourceType.Pty: return new PtyCharSource();
            case CharSourceType.File: return new FileCharSource { Path = value };
            case CharSourceType.Pipe: return new PipeCharSource { Path = value };
            case CharSourceType.Dev: return new DevCharSource { Path = value };
            case CharSourceType.Tcp:
            {
                var hostEnd = value.IndexOf(':');
                if (hostEnd <= 0)
                {
                    error = $"\"{written}\" needs HOST:PORT after the type";
                    return null;
                }
                var options = value.IndexOf(',', hostEnd);
                var service = options < 0 ? value[(hostEnd + 1)..] : value[(hostEnd + 1)..options];
                var listen = options >= 0 && value[options..].Contains(",server", StringComparison.Ordinal);
                return new TcpCharSource
                {
                    Mode = listen ? CharSourceMode.Bind : CharSourceMode.Connect,
                    Host = value[..hostEnd],
                    Service = service,
                    Protocol = protocol ?? TcpProtocol.Raw,
                };
            }
            case CharSourceType.Udp:
            {
                var hostEnd = value.IndexOf(':');
                if (hostEnd < 0)
                {
                    error = $"\"{written}\" needs HOST:PORT after the type";
                    return null;
                }
                var at = value.IndexOf('@', hostEnd);
                var connectHost = hostEnd == 0 ? null : value[..hostEnd];
                if (at < 0) return new UdpCharSource { ConnectHost = connectHost, ConnectService = value[(hostEnd + 1)..] };
                var bindEnd = value.IndexOf(':', at);
                if (bindEnd < 0)
                {
                    error = $"\"{written}\" needs BINDHOST:BINDPORT after '@'";
                    return null;
                }
                return new UdpCharSource
                {
                    ConnectHost = connectHost,
                    ConnectService = value[(hostEnd + 1)..at],
                    BindHost = bindEnd > at + 1 ? value[(at + 1)..bindEnd] : null,
                    BindService = value[(bindEnd + 1)..],
                };
            }
            case CharSourceType.Unix:
            {
                var options = value.IndexOf(',');
                var listen = options >= 0 && value[options..].Contains(",server", StringComparison.Ordinal);
                return new UnixCharSource
                {
                    Mode = listen ? CharSourceMode.Bind : CharSourceMode.Connect,
                    Path = options < 0 ? value : value[..options],
                };
            }
            default:
                error = $"\"{written}\" is not a character device xend can use";
                return null;
        }
    }
}
