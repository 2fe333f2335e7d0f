using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// The socket libvirt generates for a virtio channel of type unix given without a path: the
/// channel's target name in the domain's channel directory, or <c>vioser-CC-BB-PP.sock</c> after
/// its virtio-serial address when it has no name. Without a directory (or without a name and a
/// full address) the path stays absent.
/// </summary>
internal static class ChannelDefaults
{
    public static ImmutableArray<CharDevice> Apply(ImmutableArray<CharDevice> channels, DefaultsSettings settings)
    {
        if (settings.ChannelDirectory is not { } directory) return channels;
        var changed = false;
        var result = channels.Select(channel =>
        {
            if (channel is not { Source: UnixCharSource { Path: null } unix, Target: VirtioChannelTarget target }) return channel;
            var file = target.Name ?? SocketName(channel.Address as VirtioSerialAddress);
            if (file is null) return channel;
            changed = true;
            return channel with { Source = unix with { Path = Path.Join(directory, file) } };
        }).ToImmutableArray();
        return changed ? result : channels;
    }

    private static string? SocketName(VirtioSerialAddress? address) =>
        address is { Controller: { } c, Bus: { } b, Port: { } p }
            ? string.Create(CultureInfo.InvariantCulture, $"vioser-{c:00}-{b:00}-{p:00}.sock")
            : null;
}
