using System.Globalization;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Settles the graphics server QEMU runs (the first graphics device; validation refuses more): its ports,
/// the address it listens on, and VNC's display: the XML's socket, else the host's per-domain socket,
/// else <c>address:N</c> (N = port - 5900) or, on emulators without that form, the bare display number.
/// </summary>
internal static class GraphicsPlanning
{
    public static PlannedGraphics? Plan(Domain domain, EmulatorDescription emulator, HostSettings host)
    {
        if (domain.Devices.Graphics.IsEmpty) return null;
        return domain.Devices.Graphics[0] switch
        {
            VncGraphics vnc => Vnc(vnc, domain, emulator, host),
            SpiceGraphics spice => new PlannedGraphics(spice)
            {
                Port = GraphicsDefaults.Port(spice),
                TlsPort = GraphicsDefaults.TlsPort(spice),
                Listen = GraphicsDefaults.ListenAddress(spice) ?? host.Spice.Listen,
            },
            var other => new PlannedGraphics(other),
        };
    }

    private static PlannedGraphics Vnc(VncGraphics vnc, Domain domain, EmulatorDescription emulator, HostSettings host)
    {
        var port = GraphicsDefaults.Port(vnc);
        var listen = GraphicsDefaults.ListenAddress(vnc) ?? host.Vnc.Listen;
        var number = (port - VncPorts.First).ToString(CultureInfo.InvariantCulture);
        string display;
        if (vnc.Socket is { } socket)
            display = "unix:" + socket;
        else if (host.Vnc.AutoUnixSocket)
            display = $"unix:{host.LibDirectory}/{domain.Name}.vnc";
        else if (emulator.Has(QemuCapability.VncColon))
            display = (listen.Contains(':') ? $"[{listen}]" : listen) + ":" + number;
        else
            display = number;
        return new PlannedGraphics(vnc) { Port = port, Listen = listen, VncDisplay = display };
    }
}
