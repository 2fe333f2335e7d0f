using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes <c>&lt;serial&gt;</c>, <c>&lt;parallel&gt;</c>, <c>&lt;console&gt;</c> and
/// <c>&lt;channel&gt;</c>: the host side, the target, then device info.
/// </summary>
internal static class CharDeviceWriter
{
    /// <summary>One device as the model holds it (the post-parse stage has given it its source, port and console target).</summary>
    public static XmlElement Write(CharDevice device) =>
        Element(ElementName(device.Kind),
        [
            Attr("type", device.Source?.Type, CharSourceXml.Type),
            Attr("tty", device.Tty),
            .. device.Source is { } source ? CharSourceWriter.Source(source) : [],
            device.Log is { } log ? Element("log", Attr("file", log.File), OnOff("append", log.Append)) : null,
            Target(device),
            DeviceInfoWriter.Alias(device.Alias),
            MiscDeviceWriters.Acpi(device.AcpiIndex),
            DeviceInfoWriter.Address(device.Address),
        ]);

    public static string ElementName(CharDeviceKind kind) => kind switch
    {
        CharDeviceKind.Parallel => "parallel",
        CharDeviceKind.Serial => "serial",
        CharDeviceKind.Console => "console",
        CharDeviceKind.Channel => "channel",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static XmlElement? Target(CharDevice device) =>
        device.Kind switch
        {
            CharDeviceKind.Parallel => device.Target is ParallelTarget parallel ? Element("target", Attr("port", parallel.Port)) : null,
            CharDeviceKind.Serial => device.Target is SerialTarget serial
                ? Element("target",
                    Attr("type", serial.Type, CharTargetXml.SerialType),
                    Attr("port", serial.Port),
                    serial.Model is { } model ? Element("model", Attr("name", model, CharTargetXml.SerialModel)) : null)
                : null,
            CharDeviceKind.Console => device.Target is ConsoleTarget console
                ? Element("target", Attr("type", console.Type, CharTargetXml.ConsoleType), Attr("port", console.Port))
                : null,
            _ => device.Target switch
            {
                GuestfwdChannelTarget guestfwd => Element("target",
                    Attr("type", ChannelTargetType.Guestfwd, CharTargetXml.ChannelType),
                    Attr("address", guestfwd.Address.ToString()),
                    Attr("port", (uint)guestfwd.Port)),
                VirtioChannelTarget virtio => Element("target",
                    Attr("type", ChannelTargetType.Virtio, CharTargetXml.ChannelType),
                    Attr("name", virtio.Name),
                    Attr("state", virtio.State, CharTargetXml.State)),
                XenChannelTarget xen => Element("target",
                    Attr("type", ChannelTargetType.Xen, CharTargetXml.ChannelType),
                    Attr("name", xen.Name)),
                null => null,
                _ => throw new InvalidOperationException($"no writer for channel target {device.Target.GetType().Name}"),
            },
        };
}
