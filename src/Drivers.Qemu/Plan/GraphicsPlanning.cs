using System.Collections.Immutable;
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
    public static PlannedGraphics? Plan(Domain domain, EmulatorDescription emulator, HostSettings host, ImmutableArray<PlannedAudiodev> audiodevs)
    {
        if (domain.Devices.Graphics.IsEmpty) return null;
        // egl-headless renders for the server beside it; it is the server only when it stands alone.
        var server = domain.Devices.Graphics.FirstOrDefault(g => g is not EglHeadlessGraphics) ?? domain.Devices.Graphics[0];
        return server switch
        {
            VncGraphics vnc => Vnc(vnc, domain, emulator, host) with { Audiodev = AudioPlanning.BackendOf(vnc.AudioId, audiodevs) },
            SpiceGraphics spice => Spice(spice, domain, host),
            var other => new PlannedGraphics(other),
        };
    }

    /// <summary>
    /// SPICE on TCP (its ports and address), on a unix socket (the XML's path, else <c>NAME.spice</c> in the host's
    /// run directory: a launcher has no per-domain directory of libvirt's), or on neither (<c>&lt;listen type='none'&gt;</c>:
    /// port 0, clients reach it only through a socket handed over later).
    /// </summary>
    private static PlannedGraphics Spice(SpiceGraphics spice, Domain domain, HostSettings host)
    {
        switch (spice.Listens.FirstOrDefault())
        {
            case SocketListen socket:
                return new PlannedGraphics(spice) { SpiceSocket = socket.Socket ?? $"{host.LibDirectory}/{domain.Name}.spice" };
            case NoneListen:
                return new PlannedGraphics(spice);
            default:
                return new PlannedGraphics(spice)
                {
                    Port = GraphicsDefaults.Port(spice),
                    TlsPort = GraphicsDefaults.TlsPort(spice),
                    Listen = GraphicsDefaults.ListenAddress(spice) ?? host.Spice.Listen,
                };
        }
    }

    private static PlannedGraphics Vnc(VncGraphics vnc, Domain domain, EmulatorDescription emulator, HostSettings host)
    {
        var port = GraphicsDefaults.Port(vnc);
        var listen = GraphicsDefaults.ListenAddress(vnc) ?? host.Vnc.Listen;
        var number = (port - VncPorts.First).ToString(CultureInfo.InvariantCulture);
        string display;
        if (vnc.Listens.FirstOrDefault() is NoneListen)
            display = "none";
        else if (vnc.Listens.FirstOrDefault() is SocketListen socketListen)
            display = "unix:" + (socketListen.Socket ?? $"{host.LibDirectory}/{domain.Name}.vnc");
        else if (vnc.Socket is { } socket)
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
