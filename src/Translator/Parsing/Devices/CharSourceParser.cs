using System.Collections.Immutable;
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
        CharSourceType.Dev => RequiredPath(device, type, out var devLabels) is { } dev
            ? new DevCharSource { Path = dev, SecurityLabels = devLabels }
            : null,
        CharSourceType.File => File(device),
        CharSourceType.Pipe => RequiredPath(device, type, out var pipeLabels) is { } pipe
            ? new PipeCharSource { Path = pipe, SecurityLabels = pipeLabels }
            : null,
        CharSourceType.Unix => Unix(device),
        CharSourceType.Tcp => Tcp(device),
        CharSourceType.Udp => Udp(device),
        CharSourceType.Spiceport => new SpiceportCharSource { Channel = device.SingleChild("source")?.Attr("channel") },
        CharSourceType.Dbus => new DbusCharSource { Channel = device.SingleChild("source")?.Attr("channel") },
        CharSourceType.Nmdm => device.SingleChild("source") is { } nmdm
            ? new NmdmCharSource { Master = nmdm.Attr("master"), Slave = nmdm.Attr("slave") }
            : new NmdmCharSource(),
        CharSourceType.QemuVdagent => Vdagent(device),
        _ => null,
    };

    private static FileCharSource? File(ElementReader device)
    {
        var source = RequiredSource(device, CharSourceType.File, "path='...'");
        var path = source?.RequiredAttr("path");
        var append = source?.OnOff("append");
        var labels = Labels(source);
        return path is null ? null : new FileCharSource { Path = path, Append = append, SecurityLabels = labels };
    }

    private static QemuVdagentCharSource Vdagent(ElementReader device)
    {
        var source = device.SingleChild("source");
        return new QemuVdagentCharSource
        {
            CopyPaste = source?.SingleChild("clipboard") is { } clipboard ? RequiredFlags.RequiredYesNo(clipboard, "copypaste") : null,
            MouseMode = source?.SingleChild("mouse")?.RequiredEnum("mode", CharSourceXml.MouseMode),
        };
    }

    /// <summary><c>&lt;reconnect enabled timeout/&gt;</c> inside a socket source; enabled is required.</summary>
    private static CharReconnect? Reconnect(ElementReader source)
    {
        var reconnect = source.SingleChild("reconnect");
        if (reconnect is null) return null;
        var enabled = RequiredFlags.RequiredYesNo(reconnect, "enabled");
        var timeout = reconnect.UInt("timeout");
        return enabled is null ? null : new CharReconnect { Enabled = enabled.Value, Timeout = timeout };
    }

    private static ElementReader? RequiredSource(ElementReader device, CharSourceType type, string needs)
    {
        var source = device.SingleChild("source");
        if (source is null)
            device.Error(DiagnosticCatalog.MissingElement,
                $"type '{CharSourceXml.Type.ToXml(type)}' needs a <source {needs}/> element");
        return source;
    }

    private static string? RequiredPath(ElementReader device, CharSourceType type, out ImmutableArray<SecurityLabel> labels)
    {
        var source = RequiredSource(device, type, "path='...'");
        labels = Labels(source);
        return source?.RequiredAttr("path");
    }

    /// <summary>The <c>&lt;seclabel&gt;</c> children of a source, in document order.</summary>
    private static ImmutableArray<SecurityLabel> Labels(ElementReader? source) =>
        source is null ? [] : [.. source.Children("seclabel").Select(SecurityLabelParser.Parse)];

    private static UnixCharSource? Unix(ElementReader device)
    {
        // libvirt 9 allows a listening socket without a path (the host generates one), so the
        // source itself may be absent too.
        var source = device.SingleChild("source");
        var protocol = device.SingleChild("protocol")?.Enum("type", CharSourceXml.Protocol);
        return new UnixCharSource
        {
            Mode = source?.Enum("mode", CharSourceXml.Mode),
            Path = source?.Attr("path"),
            Reconnect = source is null ? null : Reconnect(source),
            SecurityLabels = Labels(source),
            Protocol = protocol,
        };
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
        var tls = source.YesNo("tls");
        var reconnect = Reconnect(source);
        return host is null || service is null
            ? null
            : new TcpCharSource
            {
                Mode = mode, Host = host, Service = service, Protocol = protocol, WireMode = wireMode, Tls = tls, Reconnect = reconnect,
            };
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
