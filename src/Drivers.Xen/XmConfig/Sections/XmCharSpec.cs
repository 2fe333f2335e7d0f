using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// The host side of a serial or parallel port as xend writes it: <c>pty</c>, <c>null</c>,
/// <c>vc</c>, <c>stdio</c>, a device path (<c>/dev/ttyS0</c>), <c>file:PATH</c>, <c>pipe:PATH</c>,
/// <c>tcp:HOST:PORT[,server,nowait]</c>, <c>telnet:HOST:PORT[,server,nowait]</c>,
/// <c>udp:HOST:PORT@BINDHOST:BINDPORT</c>, <c>unix:PATH[,server,nowait]</c>.
/// </summary>
internal static class XmCharSpec
{
    private const string Listen = ",server,nowait";

    /// <summary>The spec of a source; null when the type has no spelling (reported by the caller).</summary>
    public static string? Format(CharSource source) => source switch
    {
        NullCharSource => "null",
        StdioCharSource => "stdio",
        VcCharSource => "vc",
        PtyCharSource => "pty",
        FileCharSource f => "file:" + EscapePath(f.Path),
        PipeCharSource p => "pipe:" + EscapePath(p.Path),
        DevCharSource d => EscapePath(d.Path),
        TcpCharSource t => $"{(t.Protocol is null or TcpProtocol.Raw ? "tcp" : "telnet")}:{t.Host}:{t.Service}"
                           + (t.Mode == CharSourceMode.Bind ? Listen : ""),
        UdpCharSource u => $"udp:{u.ConnectHost}:{u.ConnectService}@{u.BindHost}:{u.BindService}",
        UnixCharSource x => "unix:" + EscapePath(x.Path) + (x.Mode == CharSourceMode.Bind ? Listen : ""),
        _ => null,
    };

    // xend reads these paths with S-expression rules, so a backslash or a quote is escaped.
    private static string EscapePath(string path) =>
        path.Contains('\\') || path.Contains('\'') ? path.Replace("\\", "\\\\").Replace("'", "\\'") : path;

    /// <summary>Reads a spec; on failure returns null and says why.</summary>
    public static CharSource? Parse(string spec, out string? error)
    {
        error = null;
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
        else if (!CharSourceXml.Type.TryParse(prefix, out type) || type == CharSourceType.Spicevmc)
        {
            error = $"\"{spec}\" is not a character device; it starts with an unknown type '{prefix}' "
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
                    error = $"\"{spec}\" needs HOST:PORT after the type";
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
                    error = $"\"{spec}\" needs HOST:PORT after the type";
                    return null;
                }
                var at = value.IndexOf('@', hostEnd);
                var connectHost = hostEnd == 0 ? null : value[..hostEnd];
                if (at < 0) return new UdpCharSource { ConnectHost = connectHost, ConnectService = value[(hostEnd + 1)..] };
                var bindEnd = value.IndexOf(':', at);
                if (bindEnd < 0)
                {
                    error = $"\"{spec}\" needs BINDHOST:BINDPORT after '@'";
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
                error = $"\"{spec}\" is not a character device xend can use";
                return null;
        }
    }
}
