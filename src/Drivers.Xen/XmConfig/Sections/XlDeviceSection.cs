using System.Globalization;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// The devices only xl describes: a SPICE server (<c>spice</c>, <c>spicehost</c>, ...), the PV USB
/// controllers and passed-through USB devices (<c>usbctrl</c>, <c>usbdev</c>) and the PV channels
/// (<c>channel</c>).
/// </summary>
internal static class XlDeviceSection
{
    public static IEnumerable<XmEntry> EmitSpice(XmConfigContext ctx)
    {
        if (!ctx.Xl || !ctx.Hvm || ctx.Domain.Devices.Graphics is not [SpiceGraphics spice]) yield break;
        yield return Xm.Flag("sdl", false);
        yield return Xm.Flag("vnc", false);
        yield return Xm.Flag("spice", true);
        if (XmGraphicsSection.ListenAddress(spice) is { } listen) yield return Xm.String("spicehost", listen);
        if (spice.Port is > 0 and var port) yield return Xm.Integer("spiceport", port);
        if (spice.TlsPort is > 0 and var tlsPort) yield return Xm.Integer("spicetls_port", tlsPort);
        yield return Xm.Flag("spicedisable_ticketing", spice.Passwd is null);
        if (spice.Passwd is { } passwd) yield return Xm.String("spicepasswd", passwd);
        if (spice.MouseMode is { } mouse) yield return Xm.Flag("spiceagent_mouse", mouse == SpiceMouseMode.Client);
        // The client mouse and the shared clipboard both need the guest's SPICE agent.
        if (spice.MouseMode == SpiceMouseMode.Client || spice.CopyPaste == true) yield return Xm.Flag("spicevdagent", true);
        if (spice.CopyPaste == true) yield return Xm.Flag("spice_clipboard_sharing", true);
    }

    public static IEnumerable<XmEntry> EmitUsb(XmConfigContext ctx)
    {
        if (!ctx.Xl) yield break;
        var devices = ctx.Domain.Devices;
        string[] controllers =
        [
            .. devices.Controllers.OfType<UsbController>().Where(c => UsbVersion(c) is not null).Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"type=qusb,version={UsbVersion(c)}") +
                (c.Ports is { } ports ? string.Create(CultureInfo.InvariantCulture, $",ports={ports}") : "")),
        ];
        foreach (var entry in Xm.Strings("usbctrl", controllers)) yield return entry;
        string[] usbDevices =
        [
            .. devices.HostDevices.Select(h => h.Source).OfType<UsbHostDeviceSource>().Where(u => u.HostBus is not null && u.HostDevice is not null)
                .Select(u => string.Create(CultureInfo.InvariantCulture, $"hostbus={u.HostBus:x},hostaddr={u.HostDevice:x}")),
        ];
        foreach (var entry in Xm.Strings("usbdev", usbDevices)) yield return entry;
    }

    /// <summary>The PV USB version of a controller model (qusb1, qusb2); null for other models.</summary>
    public static int? UsbVersion(UsbController controller) => controller.Model switch
    {
        UsbControllerModel.Qusb1 => 1,
        UsbControllerModel.Qusb2 => 2,
        _ => null,
    };

    public static IEnumerable<XmEntry> EmitChannels(XmConfigContext ctx) =>
        ctx.Xl ? Xm.Strings("channel", [.. ctx.Domain.Devices.Channels.Where(IsExpressibleChannel).Select(ChannelSpec)]) : [];

    /// <summary>Whether xl can describe a channel: a Xen channel on a pty or a UNIX socket.</summary>
    public static bool IsExpressibleChannel(CharDevice channel) =>
        channel.Target is XenChannelTarget && channel.Source is PtyCharSource or UnixCharSource { Path: not null };

    private static string ChannelSpec(CharDevice channel)
    {
        var name = (channel.Target as XenChannelTarget)?.Name;
        var spec = channel.Source switch
        {
            UnixCharSource unix => "connection=socket,path=" + unix.Path,
            _ => "connection=pty",
        };
        return name is null ? spec : spec + ",name=" + name;
    }
}
