using System.Collections.Immutable;
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
        var graphics = Mapped(domain.Devices.Graphics, FirstPort);
        var interfaces = Mapped(domain.Devices.Interfaces, AsEthernet);
        // Most domains have neither: they are used as they are, not copied.
        if (graphics is null && interfaces is null) return domain;
        return domain with
        {
            Devices = domain.Devices with
            {
                Graphics = graphics ?? domain.Devices.Graphics,
                Interfaces = interfaces ?? domain.Devices.Interfaces,
            },
        };
    }

    /// <summary>The items with <paramref name="map"/> applied, or null when it changes none of them.</summary>
    private static ImmutableArray<T>? Mapped<T>(ImmutableArray<T> items, Func<T, T> map) where T : class
    {
        ImmutableArray<T>.Builder? changed = null;
        for (var i = 0; i < items.Length; i++)
        {
            var item = map(items[i]);
            if (changed is null)
            {
                if (ReferenceEquals(item, items[i])) continue;
                changed = ImmutableArray.CreateBuilder<T>(items.Length);
                for (var j = 0; j < i; j++) changed.Add(items[j]);
            }
            changed.Add(item);
        }
        return changed?.MoveToImmutable();
    }

    private static Graphics FirstPort(Graphics graphics) =>
        graphics is VncGraphics { Socket: null, PortChosenAtStart: true } vnc ? vnc with { Port = VncPorts.First, AutoPort = false } : graphics;

    private static NetworkInterface AsEthernet(NetworkInterface nic) => nic switch
    {
        BridgeInterface bridge => Ethernet(bridge, sourceDev: bridge.Bridge, script: bridge.Script, ip: bridge.IpAddress),
        VirtualNetworkInterface or DirectInterface => Ethernet(nic, sourceDev: null, script: null, ip: null),
        _ => nic,
    };

    private static EthernetInterface Ethernet(NetworkInterface nic, string? sourceDev, string? script, string? ip) =>
        nic.WithGuestSideOn(new EthernetInterface { SourceDev = sourceDev, Script = script, IpAddress = ip, TargetDev = nic.TargetDev });
}
