using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The socket of a virtio channel of type unix given without a path, where the post-parse stage had no channel
/// directory to put it in (DefaultsSettings.ChannelDirectory): libvirt's daemon makes one per domain; a launcher
/// has none, so the rule is the host's run directory (<see cref="HostSettings.LibDirectory"/>, where the monitor
/// socket and an automatic VNC socket go too), named <c>DOMAIN.TARGET</c> after the channel's target name, or
/// <c>DOMAIN.channelN.sock</c> after its position when it has none; QEMU listens on it (as on libvirt's generated one)
/// unless the XML says connect.
/// </summary>
internal static class ChannelPlanning
{
    public static ImmutableArray<CharDevice> WithSocketPaths(Domain domain, HostSettings host) =>
        IndexedPlans.Of(domain.Devices.Channels, (channel, i) =>
            channel is { Source: UnixCharSource { Path: null } unix, Target: VirtioChannelTarget target }
                ? channel with { Source = unix with { Path = $"{host.LibDirectory}/{domain.Name}.{target.Name ?? $"channel{i}.sock"}", Mode = unix.Mode ?? CharSourceMode.Bind } }
                : channel);

    /// <summary>Whether the planner gives the channel's socket a path (so validation need not refuse it).</summary>
    public static bool GetsSocketPath(CharDevice device) =>
        device is { Kind: CharDeviceKind.Channel, Source: UnixCharSource { Path: null }, Target: VirtioChannelTarget };
}
