using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// libvirt's virtio-serial defaults: a virtio channel without a port gets controller 0, bus 0 (unless
/// its address says otherwise) and the port after the highest one an earlier channel uses there; a
/// virtio channel or console whose controller is not defined gets one added, after the domain's own.
/// </summary>
internal static class VirtioSerialPlanning
{
    public static bool IsVirtio(CharDevice device) =>
        device.Target is VirtioChannelTarget || device.Target is ConsoleTarget { Type: ConsoleTargetType.Virtio };

    /// <summary>The virtio-serial controllers the domain's virtio channels and consoles need but does not define, by index.</summary>
    public static IReadOnlyList<Controller> ImplicitControllers(Domain domain)
    {
        // Plain loops, the defined indexes gathered at the first virtio device: most domains have none, and every
        // document is planned (a set, a Concat and a Where for each cost ~2,700 instructions per document).
        HashSet<uint?>? defined = null;
        List<Controller>? needed = null;
        Add(domain.Devices.Channels, domain.Devices.Controllers, ref defined, ref needed);
        Add(domain.Devices.Consoles, domain.Devices.Controllers, ref defined, ref needed);
        return needed ?? [];
    }

    private static void Add(ImmutableArray<CharDevice> devices, ImmutableArray<Controller> controllers, ref HashSet<uint?>? defined, ref List<Controller>? needed)
    {
        foreach (var device in devices)
        {
            if (!IsVirtio(device)) continue;
            defined ??= [.. controllers.OfType<VirtioSerialController>().Select(c => c.Index)];
            var index = (device.Address as VirtioSerialAddress)?.Controller ?? 0;
            if (defined.Add(index)) (needed ??= []).Add(new VirtioSerialController { Index = index });
        }
    }

    /// <summary>Each channel's virtio-serial port (null for a channel that is not virtio), in channel order.</summary>
    public static ImmutableArray<VirtioSerialAddress?> ChannelPorts(ImmutableArray<CharDevice> channels)
    {
        var ports = new VirtioSerialAddress?[channels.Length];
        for (var i = 0; i < channels.Length; i++)
        {
            if (channels[i].Target is not VirtioChannelTarget) continue;
            var given = channels[i].Address as VirtioSerialAddress;
            var controller = given?.Controller ?? 0;
            var bus = given?.Bus ?? 0;
            var port = given?.Port is { } p and not 0 ? p : 1 + ports.Take(i)
                .Where(a => a is not null && a.Controller == controller && a.Bus == bus)
                .Select(a => a!.Port ?? 0).DefaultIfEmpty(0u).Max();
            ports[i] = new VirtioSerialAddress { Controller = controller, Bus = bus, Port = port };
        }
        return [.. ports];
    }
}
