using System.Net;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads <c>&lt;parallel&gt;</c>, <c>&lt;serial&gt;</c>, <c>&lt;console&gt;</c> and
/// <c>&lt;channel&gt;</c>: the host side from <c>type</c> and its source children, the guest side
/// from <c>&lt;target&gt;</c>, then address and alias.
/// </summary>
internal static class CharDeviceParser
{
    public static CharDevice? Parse(ElementReader element, CharDeviceKind kind)
    {
        var source = Source(element);
        // Only the port-like devices share the console's tty attribute; a channel has none.
        var tty = kind == CharDeviceKind.Channel ? null : element.Attr("tty");
        var target = Target(element, kind);
        if (source is SpicevmcCharSource && target is not VirtioChannelTarget)
            element.AttrError("type", DiagnosticCatalog.InvalidValue,
                "type 'spicevmc' is only valid for a <channel> with <target type='virtio'>");
        return new CharDevice
        {
            Kind = kind,
            Source = source,
            Target = target,
            Tty = tty,
            Log = Log(element),
            Address = CommonParsers.Address(element),
            Alias = CommonParsers.Alias(element),
            AcpiIndex = kind == CharDeviceKind.Channel ? null : VirtioOptionsParser.AcpiIndex(element),
            Location = element.Location,
        };
    }

    /// <summary><c>&lt;log file append/&gt;</c>; file is required.</summary>
    private static CharLog? Log(ElementReader element)
    {
        var log = element.SingleChild("log");
        if (log is null) return null;
        var file = log.RequiredAttr("file");
        var append = log.OnOff("append");
        return file is null ? null : new CharLog { File = file, Append = append };
    }

    private static CharSource? Source(ElementReader element)
    {
        if (!element.HasAttribute("type"))
        {
            // The Xen-era form <console tty='...'/> has no type; the driver treats it as a pty.
            if (element.HasChild("source"))
                element.Child("source")!.Error(DiagnosticCatalog.MissingAttribute,
                    $"<source> needs the 'type' attribute of <{element.Name}>; allowed: {CharSourceXml.Type.AllowedList}");
            return null;
        }
        var type = element.Enum("type", CharSourceXml.Type);
        return type is null ? null : CharSourceParser.Parse(element, type.Value);
    }

    private static CharTarget? Target(ElementReader element, CharDeviceKind kind)
    {
        var target = element.SingleChild("target");
        if (target is null)
        {
            if (kind == CharDeviceKind.Channel)
                element.Error(DiagnosticCatalog.MissingElement,
                    $"a <channel> needs a <target type='...'/>; allowed types: {CharTargetXml.ChannelType.AllowedList}");
            return null;
        }
        return kind switch
        {
            CharDeviceKind.Parallel => new ParallelTarget { Port = target.UInt("port") },
            CharDeviceKind.Serial => new SerialTarget
            {
                Type = target.Enum("type", CharTargetXml.SerialType),
                Port = target.UInt("port"),
                Model = target.SingleChild("model")?.RequiredEnum("name", CharTargetXml.SerialModel),
            },
            CharDeviceKind.Console => new ConsoleTarget
            {
                Type = target.Enum("type", CharTargetXml.ConsoleType),
                Port = target.UInt("port"),
            },
            _ => ChannelTarget(target),
        };
    }

    private static CharTarget? ChannelTarget(ElementReader target) =>
        target.RequiredEnum("type", CharTargetXml.ChannelType) switch
        {
            ChannelTargetType.Guestfwd => GuestfwdTarget(target),
            ChannelTargetType.Virtio => new VirtioChannelTarget
            {
                Name = target.Attr("name"),
                State = target.Enum("state", CharTargetXml.State),
            },
            ChannelTargetType.Xen => new XenChannelTarget { Name = target.Attr("name") },
            _ => null,
        };

    private static GuestfwdChannelTarget? GuestfwdTarget(ElementReader target)
    {
        var address = target.RequiredAttr("address") is { } text ? Ipv4(target, text) : null;
        var port = target.RequiredAttr("port") is null ? null : target.UInt("port", ushort.MaxValue);
        return address is null || port is null
            ? null
            : new GuestfwdChannelTarget { Address = address, Port = (ushort)port.Value };
    }

    private static IPAddress? Ipv4(ElementReader target, string text)
    {
        // Dotted quad only: IPAddress.TryParse would also take shorthand such as "10.1". Four dotted
        // parts that parse can only be IPv4 (IPv6 text has colons).
        if (text.Split('.').Length == 4 && IPAddress.TryParse(text, out var address))
            return address;
        target.AttrError("address", DiagnosticCatalog.InvalidValue,
            $"'{text}' is not an IPv4 address; a guestfwd channel forwards to a dotted-quad address such as 10.0.2.1");
        return null;
    }
}
