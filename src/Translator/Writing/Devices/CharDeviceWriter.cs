using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes <c>&lt;serial&gt;</c>, <c>&lt;parallel&gt;</c>, <c>&lt;console&gt;</c> and
/// <c>&lt;channel&gt;</c>: the host side, the target, then device info.
/// </summary>
internal static class CharDeviceWriter
{
    /// <summary>The default name of a SPICE agent channel, which the reference always writes.</summary>
    public const string SpiceAgentChannelName = "com.redhat.spice.0";

    /// <summary>
    /// One device. <paramref name="defaultPort"/> is the port the reference gives a device whose
    /// target names none. A device without a type (the Xen-era <c>&lt;console tty/&gt;</c>) is a pty.
    /// </summary>
    public static XmlElement Write(CharDevice device, WriteContext context, uint defaultPort)
    {
        var source = device.Source ?? new PtyCharSource();
        return Element(ElementName(device.Kind),
        [
            Attr("type", source.Type, CharSourceXml.Type),
            Attr("tty", device.Tty),
            .. CharSourceWriter.Source(source),
            device.Log is { } log ? Element("log", Attr("file", log.File), OnOff("append", log.Append)) : null,
            Target(device, source, context, defaultPort),
            DeviceInfoWriter.Alias(device.Alias),
            MiscDeviceWriters.Acpi(device.AcpiIndex),
            DeviceInfoWriter.Address(device.Address),
        ]);
    }

    public static string ElementName(CharDeviceKind kind) => kind switch
    {
        CharDeviceKind.Parallel => "parallel",
        CharDeviceKind.Serial => "serial",
        CharDeviceKind.Console => "console",
        CharDeviceKind.Channel => "channel",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Ports are always written; a console always states its target type (the guest's default when
    /// not given: a serial port for a fully virtualized guest, else the hypervisor's console).
    /// </summary>
    private static XmlElement? Target(CharDevice device, CharSource source, WriteContext context, uint defaultPort) =>
        device.Kind switch
        {
            CharDeviceKind.Parallel => Element("target", Attr("port", (device.Target as ParallelTarget)?.Port ?? defaultPort)),
            CharDeviceKind.Serial => Element("target",
                Attr("type", (device.Target as SerialTarget)?.Type, CharTargetXml.SerialType),
                Attr("port", (device.Target as SerialTarget)?.Port ?? defaultPort),
                (device.Target as SerialTarget)?.Model is { } model
                    ? Element("model", Attr("name", model, CharTargetXml.SerialModel))
                    : null),
            CharDeviceKind.Console => Element("target",
                Attr("type", (device.Target as ConsoleTarget)?.Type ?? DefaultConsoleType(context), CharTargetXml.ConsoleType),
                Attr("port", (device.Target as ConsoleTarget)?.Port ?? defaultPort)),
            _ => device.Target switch
            {
                GuestfwdChannelTarget guestfwd => Element("target",
                    Attr("type", ChannelTargetType.Guestfwd, CharTargetXml.ChannelType),
                    Attr("address", guestfwd.Address.ToString()),
                    Attr("port", (uint)guestfwd.Port)),
                VirtioChannelTarget virtio => Element("target",
                    Attr("type", ChannelTargetType.Virtio, CharTargetXml.ChannelType),
                    Attr("name", virtio.Name ?? (source is SpicevmcCharSource ? SpiceAgentChannelName : null)),
                    Attr("state", virtio.State, CharTargetXml.State)),
                XenChannelTarget xen => Element("target",
                    Attr("type", ChannelTargetType.Xen, CharTargetXml.ChannelType),
                    Attr("name", xen.Name)),
                null => null,
                _ => throw new InvalidOperationException($"no writer for channel target {device.Target.GetType().Name}"),
            },
        };

    /// <summary>The console target type the reference picks for a guest when none is given.</summary>
    public static ConsoleTargetType DefaultConsoleType(WriteContext context) =>
        context.IsHvm ? ConsoleTargetType.Serial
        : context.DomainType switch
        {
            DomainType.Xen => ConsoleTargetType.Xen,
            DomainType.Uml => ConsoleTargetType.Uml,
            DomainType.Lxc => ConsoleTargetType.Lxc,
            DomainType.Openvz => ConsoleTargetType.Openvz,
            _ => context.Arch is "s390" or "s390x" ? ConsoleTargetType.Virtio : ConsoleTargetType.Serial,
        };
}
