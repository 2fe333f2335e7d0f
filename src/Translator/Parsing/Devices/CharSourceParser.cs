using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads the host side of a character device: the <c>&lt;source&gt;</c> and <c>&lt;protocol&gt;</c>
/// children that the device's <c>type</c> calls for. Shared by serial, parallel, console and channel
/// devices, smartcard passthrough and USB redirection. Children a type does not use are left
/// unread, so they are reported as unknown.
/// </summary>
internal static class CharSourceParser
{
    /// <summary>
    /// The source of <paramref name="device"/> for its already read <paramref name="type"/>; null
    /// after reporting an error when a required part is missing or invalid.
    /// </summary>
    public static CharSource? Parse(ElementReader device, CharSourceType type) => type switch
    {
        CharSourceType.Null => new NullCharSource(),
        CharSourceType.Vc => new VcCharSource(),
        CharSourceType.Stdio => new StdioCharSource(),
        CharSourceType.Spicevmc => new SpicevmcCharSource(),
        CharSourceType.Pty => new PtyCharSource { Path = device.SingleChild("source")?.Attr("path") },
        CharSourceType.Dev => RequiredPath(device, type) is { } dev ? new DevCharSource { Path = dev } : null,
        CharSourceType.File => RequiredPath(device, type) is { } file ? new FileCharSource { Path = file } : null,
        CharSourceType.Pipe => RequiredPath(device, type) is { } pipe ? new PipeCharSource { Path = pipe } : null,
        CharSourceType.Unix => Unix(device),
        CharSourceType.Tcp => Tcp(device),
        CharSourceType.Udp => Udp(device),
        _ => null,
    };

    private static ElementReader? RequiredSource(ElementReader device, CharSourceType type, string needs)
    {
        var source = device.SingleChild("source");
        if (source is null)
            device.Error(DiagnosticCatalog.MissingElement,
                $"type '{CharSourceXml.Type.ToXml(type)}' needs a <source {needs}/> element");
        return source;
    }

    private static string? RequiredPath(ElementReader device, CharSourceType type) =>
        RequiredSource(device, type, "path='...'")?.RequiredAttr("path");

    private static UnixCharSource? Unix(ElementReader device)
    {
        var source = RequiredSource(device, CharSourceType.Unix, "mode='connect|bind' path='...'");
        if (source is null) return null;
        var mode = source.Enum("mode", CharSourceXml.Mode);
        var path = source.RequiredAttr("path");
        return path is null ? null : new UnixCharSource { Mode = mode, Path = path };
    }

    private static TcpCharSource? Tcp(ElementReader device)
    {
        var source = RequiredSource(device, CharSourceType.Tcp, "mode='connect|bind' host='...' service='...'");
        // The 2008 documents called the protocol element <wiremode type='...'/>; it means the same.
        var protocol = device.SingleChild("protocol")?.Enum("type", CharSourceXml.Protocol)
                       ?? device.SingleChild("wiremode")?.Enum("type", CharSourceXml.Protocol);
        if (source is null) return null;
        var mode = source.Enum("mode", CharSourceXml.Mode);
        var host = source.RequiredAttr("host");
        var service = source.RequiredAttr("service");
        var wireMode = source.Attr("wiremode");
        return host is null || service is null
            ? null
            : new TcpCharSource { Mode = mode, Host = host, Service = service, Protocol = protocol, WireMode = wireMode };
    }

    private static UdpCharSource? Udp(ElementReader device)
    {
        // One <source> per direction: mode='connect' (or no mode) and mode='bind'.
        ElementReader? connect = null;
        ElementReader? bind = null;
        foreach (var source in device.Children("source"))
        {
            var mode = source.HasAttribute("mode") ? source.Enum("mode", CharSourceXml.Mode) : CharSourceMode.Connect;
            if (mode is null) continue;
            ref var slot = ref mode == CharSourceMode.Bind ? ref bind : ref connect;
            if (slot is not null)
            {
                source.Error(DiagnosticCatalog.DuplicateElement,
                    $"only one <source mode='{CharSourceXml.Mode.ToXml(mode.Value)}'> is allowed for type 'udp'");
                continue;
            }
            slot = source;
        }
        var bindHost = bind?.Attr("host");
        var bindService = bind?.Attr("service");
        if (connect is null)
        {
            device.Error(DiagnosticCatalog.MissingElement,
                "type 'udp' needs a <source mode='connect' service='...'/> element (where packets are sent)");
            return null;
        }
        var connectHost = connect.Attr("host");
        var connectService = connect.RequiredAttr("service");
        return connectService is null
            ? null
            : new UdpCharSource
            {
                ConnectHost = connectHost,
                ConnectService = connectService,
                BindHost = bindHost,
                BindService = bindService,
            };
    }
}
