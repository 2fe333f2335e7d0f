using System.Net;
using System.Net.Sockets;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// What a launch decides about a domain before its command line is built, as libvirt does at start:
/// a VNC display with an automatic port gets the first free port from <see cref="VncPorts.First"/> on its listen address
/// (free when we could bind it a moment ago: a race with another program is reported by QEMU as a
/// port in use). And what a launch refuses: a macvtap (direct) interface, whose device the host opens and
/// passes by descriptor, since the launcher has no privileged helper to open one.
/// </summary>
public static class LaunchStartDefaults
{
    private const int LastVncPort = 65535;

    /// <summary>
    /// Refusals the launcher makes before building anything (empty when none): a macvtap (<c>direct</c>) interface,
    /// whose tap the host opens and hands over by descriptor. Bridges and libvirt networks are joined through
    /// QEMU's bridge helper (<see cref="Helpers.HostNetworks"/>).
    /// </summary>
    public static IReadOnlyList<Diagnostic> Refusals(Domain domain)
    {
        var found = new List<Diagnostic>();
        foreach (var nic in domain.Devices.Interfaces)
        {
            if (nic is DirectInterface)
                found.Add(new Diagnostic(RuntimeDiagnostics.HostNetworkRefused, Severity.Error,
                    "interface type 'direct' needs a macvtap device that the host opens and hands to QEMU by descriptor; " +
                    "launch cannot open one (no privileged helper): use <interface type='bridge'> (through QEMU's bridge helper), " +
                    "<interface type='user'> for user networking, or type='ethernet' with a tap device QEMU may open itself", nic.Location));
        }
        return found;
    }

    /// <summary>The domain with start-time choices made; null and a diagnostic when no VNC port is free.</summary>
    public static Domain? Apply(Domain domain, HostSettings host, List<Diagnostic> diagnostics)
    {
        var taken = new HashSet<int>();
        var graphics = new List<Graphics>();
        foreach (var g in domain.Devices.Graphics)
        {
            if (g is VncGraphics { Socket: null } vnc && vnc.PortChosenAtStart && !host.Vnc.AutoUnixSocket)
            {
                var listen = GraphicsDefaults.ListenAddress(vnc) ?? host.Vnc.Listen;
                var port = FreePort(listen, taken);
                if (port is null)
                {
                    diagnostics.Add(new Diagnostic(RuntimeDiagnostics.NoFreeVncPort, Severity.Error,
                        $"no TCP port from {VncPorts.First} to {LastVncPort} is free on '{listen}' for the VNC display", vnc.Location));
                    return null;
                }
                taken.Add(port.Value);
                graphics.Add(vnc with { Port = port, AutoPort = false });
            }
            else
            {
                graphics.Add(g);
            }
        }
        return domain with { Devices = domain.Devices with { Graphics = [.. graphics] } };
    }

    private static int? FreePort(string listen, HashSet<int> taken)
    {
        var address = IPAddress.TryParse(listen.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Loopback;
        for (var port = VncPorts.First; port <= LastVncPort; port++)
        {
            if (taken.Contains(port)) continue;
            try
            {
                using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(address, port));
                return port;
            }
            catch (SocketException)
            {
                // In use (or not bindable): try the next one.
            }
        }
        return null;
    }
}
