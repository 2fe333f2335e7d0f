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
    public static IEnumerable<Controller> ImplicitControllers(Domain domain)
    {
        var defined = domain.Devices.Controllers.OfType<VirtioSerialController>().Select(c => c.Index).ToHashSet();
        foreach (var device in domain.Devices.Channels.Concat(domain.Devices.Consoles).Where(IsVirtio))
        {
            var index = (device.Address as VirtioSerialAddress)?.Controller ?? 0;
            if (defined.Add(index)) yield return new VirtioSerialController { Index = index };
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
