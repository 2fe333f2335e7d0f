using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Native;

/// <summary>
/// What libvirt decides when it starts a domain and <c>virsh domxml-to-native</c> fixes instead,
/// since nothing is started:
/// <list type="bullet">
/// <item>a VNC display on TCP whose port is chosen at start (<see cref="ListeningGraphics.PortChosenAtStart"/>)
/// gets the first VNC port, <see cref="VncPorts.First"/> (<c>-vnc HOST:0</c>), rather than a port picked
/// from the free ones at start;</item>
/// <item>interfaces whose tap device the host would open and pass by descriptor (network, bridge,
/// direct) become plain ethernet taps: a bridge keeps its script and names the bridge, the others
/// lose source and script. Model, MAC, boot order and address stay.</item>
/// </list>
/// </summary>
public static class NativeStartDefaults
{
    public static Domain Apply(Domain domain)
    {
        var graphics = domain.Devices.Graphics
            .Select(g => g is VncGraphics { Socket: null, PortChosenAtStart: true } vnc ? vnc with { Port = VncPorts.First, AutoPort = false } : g);
        var interfaces = domain.Devices.Interfaces.Select(AsEthernet);
        return domain with { Devices = domain.Devices with { Graphics = [.. graphics], Interfaces = [.. interfaces] } };
    }

    private static NetworkInterface AsEthernet(NetworkInterface nic) => nic switch
    {
        BridgeInterface bridge => Ethernet(bridge, sourceDev: bridge.Bridge, script: bridge.Script, ip: bridge.IpAddress),
        VirtualNetworkInterface or DirectInterface => Ethernet(nic, sourceDev: null, script: null, ip: null),
        _ => nic,
    };

    private static EthernetInterface Ethernet(NetworkInterface nic, string? sourceDev, string? script, string? ip) =>
        nic.WithGuestSideOn(new EthernetInterface { SourceDev = sourceDev, Script = script, IpAddress = ip, TargetDev = nic.TargetDev });
}
