using DomainLauncher.Translator.Model;

namespace DomainLauncher.Cli.Native;

/// <summary>
/// What libvirt decides when it starts a domain and <c>virsh domxml-to-native</c> fixes instead,
/// since nothing is started:
/// <list type="bullet">
/// <item>a VNC display with an automatic port gets the first VNC port, 5900 (<c>-vnc HOST:0</c>),
/// rather than a port picked from the free ones at start;</item>
/// <item>interfaces whose tap device the host would open and pass by descriptor (network, bridge,
/// direct) become plain ethernet taps: a bridge keeps its script and names the bridge, the others
/// lose source and script. Model, MAC, boot order and address stay.</item>
/// </list>
/// </summary>
internal static class NativeStartDefaults
{
    public const int FirstVncPort = 5900;

    public static Domain Apply(Domain domain)
    {
        var graphics = domain.Devices.Graphics
            .Select(g => g is VncGraphics vnc && IsAutoPortVnc(vnc) ? vnc with { Port = FirstVncPort, AutoPort = false } : g);
        var interfaces = domain.Devices.Interfaces.Select(AsEthernet);
        return domain with { Devices = domain.Devices with { Graphics = [.. graphics], Interfaces = [.. interfaces] } };
    }

    // libvirt's rule: autoport='yes', or the legacy port='-1', on a VNC display that listens on TCP.
    private static bool IsAutoPortVnc(Graphics graphics) =>
        graphics is VncGraphics { Socket: null } vnc && (vnc.AutoPort == true || vnc.Port == -1);

    private static NetworkInterface AsEthernet(NetworkInterface nic) => nic switch
    {
        BridgeInterface bridge => Ethernet(bridge, sourceDev: bridge.Bridge, script: bridge.Script, ip: bridge.IpAddress),
        VirtualNetworkInterface or DirectInterface => Ethernet(nic, sourceDev: null, script: null, ip: null),
        _ => nic,
    };

    private static EthernetInterface Ethernet(NetworkInterface nic, string? sourceDev, string? script, string? ip) =>
        nic.WithGuestSideOn(new EthernetInterface { SourceDev = sourceDev, Script = script, IpAddress = ip, TargetDev = nic.TargetDev });
}
