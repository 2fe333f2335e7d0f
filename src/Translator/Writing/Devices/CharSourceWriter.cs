using System.Collections.Immutable;
using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes the host side of a character device: the <c>type</c> attribute, then the
/// <c>&lt;source&gt;</c> (and for TCP <c>&lt;protocol&gt;</c>) elements its type calls for. Shared by
/// serial, parallel, console and channel devices, smartcard passthrough and USB redirection.
/// </summary>
internal static class CharSourceWriter
{
    public static IEnumerable<XmlNode?> TypeAndSource(CharSource source) =>
        [Attr("type", source.Type, CharSourceXml.Type), .. Source(source)];

    /// <summary>
    /// The source elements. Socket sources always state their mode (connect unless given), TCP its
    /// protocol (raw unless given); UDP writes the bind side first.
    /// </summary>
    public static IEnumerable<XmlElement?> Source(CharSource source) => source switch
    {
        NullCharSource or VcCharSource or StdioCharSource or SpicevmcCharSource => [],
        PtyCharSource pty => [pty.Path is null ? null : Element("source", Attr("path", pty.Path))],
        DevCharSource dev => [Element("source", [Attr("path", dev.Path), .. Labels(dev.SecurityLabels)])],
        FileCharSource file => [Element("source", [Attr("path", file.Path), OnOff("append", file.Append), .. Labels(file.SecurityLabels)])],
        PipeCharSource pipe => [Element("source", [Attr("path", pipe.Path), .. Labels(pipe.SecurityLabels)])],
        UdpCharSource udp =>
        [
            udp.BindHost is null && udp.BindService is null
                ? null
                : Element("source", Attr("mode", CharSourceMode.Bind, CharSourceXml.Mode), Attr("host", udp.BindHost), Attr("service", udp.BindService)),
            Element("source", Attr("mode", CharSourceMode.Connect, CharSourceXml.Mode), Attr("host", udp.ConnectHost), Attr("service", udp.ConnectService)),
        ],
        TcpCharSource tcp =>
        [
            Element("source",
                Attr("mode", tcp.Mode, CharSourceXml.Mode),
                Attr("host", tcp.Host),
                Attr("service", tcp.Service),
                Attr("wiremode", tcp.WireMode),
                YesNo("tls", tcp.Tls),
                Reconnect(tcp.Reconnect)),
            tcp.Protocol is null ? null : Element("protocol", Attr("type", tcp.Protocol, CharSourceXml.Protocol)),
        ],
        UnixCharSource unix =>
        [
            Element("source",
            [
                Attr("mode", unix.Mode, CharSourceXml.Mode),
                Attr("path", unix.Path),
                Reconnect(unix.Reconnect),
                .. Labels(unix.SecurityLabels),
            ]),
            unix.Protocol is null ? null : Element("protocol", Attr("type", unix.Protocol, CharSourceXml.Protocol)),
        ],
        SpiceportCharSource spiceport => [spiceport.Channel is null ? null : Element("source", Attr("channel", spiceport.Channel))],
        DbusCharSource dbus => [dbus.Channel is null ? null : Element("source", Attr("channel", dbus.Channel))],
        NmdmCharSource nmdm => [UnlessEmpty(Element("source", Attr("master", nmdm.Master), Attr("slave", nmdm.Slave)))],
        QemuVdagentCharSource vdagent =>
        [
            UnlessEmpty(Element("source",
                vdagent.CopyPaste is null ? null : Element("clipboard", YesNo("copypaste", vdagent.CopyPaste)),
                vdagent.MouseMode is null ? null : Element("mouse", Attr("mode", vdagent.MouseMode, CharSourceXml.MouseMode)))),
        ],
        _ => throw new InvalidOperationException($"no writer for character source {source.GetType().Name}"),
    };

    private static IEnumerable<XmlElement> Labels(ImmutableArray<SecurityLabel> labels) =>
        labels.Select(SecurityLabelWriter.Device);

    private static XmlElement? Reconnect(CharReconnect? reconnect) =>
        reconnect is null ? null : Element("reconnect", YesNo("enabled", reconnect.Enabled), Attr("timeout", reconnect.Timeout));
}
