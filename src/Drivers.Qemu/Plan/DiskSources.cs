using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>A disk's medium as QEMU names it on <c>-drive file=</c> (and the legacy disk options).</summary>
internal static class DiskSources
{
    /// <summary>The source as QEMU names it: a path, <c>fat:</c> for a folder, a protocol URI for a network disk; null when empty.</summary>
    /// <remarks>For a disk given as a <c>-blockdev</c> graph (<c>blockGraph</c>) a network source is only named (<c>nbd:export</c>): no protocol string is built.</remarks>
    public static string? Text(Disk disk, DiskDevice device, HostSettings host, bool blockGraph = false) => disk.Source switch
    {
        // An open tray holds no medium, whatever source the XML names.
        _ when disk.Target.Tray == TrayState.Open => null,
        null => null,
        NetworkDiskSource n when blockGraph => $"{DiskXml.Protocol.ToXml(n.Protocol)}:{n.Name}",
        NvmeDiskSource nvme => $"nvme:{nvme.Address.Domain ?? 0:x4}:{nvme.Address.Bus ?? 0:x2}:{nvme.Address.Slot ?? 0:x2}.{nvme.Address.Function ?? 0:x}/{nvme.Namespace}",
        VhostUserDiskSource vhost => vhost.Path,
        FileDiskSource f => f.File,
        BlockDiskSource b => b.Dev,
        DirDiskSource dir => (device == DiskDevice.Floppy ? "fat:floppy:" : "fat:") + dir.Dir,
        NetworkDiskSource n => NetworkSource(n, disk.Auth, host),
        _ => throw new InvalidOperationException($"unknown disk source {disk.Source.GetType().Name}"),
    };

    // nbd: and sheepdog: strings have no escape: validation (NetworkDiskChecks) lets through only host
    // names, IPv4 addresses and (for sheepdog) image names without ':'; rbd escapes through ColonProtocol.
    private static string NetworkSource(NetworkDiskSource n, DiskAuth? auth, HostSettings settings)
    {
        var host = n.Hosts.FirstOrDefault();
        return n.Protocol switch
        {
            DiskProtocol.Nbd => $"nbd:{host?.Name}:{host?.Port}",
            DiskProtocol.Sheepdog => host is null ? $"sheepdog:{n.Name}" : $"sheepdog:{host.Name}:{host.Port}:{n.Name}",
            DiskProtocol.Rbd => RbdSource.Text(n, auth, settings),
            DiskProtocol.Gluster => GlusterUri(n, host),
            _ => n.Name ?? "",
        };
    }

    private static string GlusterUri(NetworkDiskSource n, DiskSourceHost? host)
    {
        var transport = host?.Transport switch { HostTransport.Unix => "unix", HostTransport.Rdma => "rdma", _ => "tcp" };
        var name = host?.Name is { } h && h.Contains(':', StringComparison.Ordinal) ? "[" + h + "]" : host?.Name;
        var authority = host?.Transport == HostTransport.Unix ? "" : name + (host?.Port is { } p ? ":" + p : "");
        var query = host?.Socket is { } socket ? "?socket=" + UriText.Escape(socket) : "";
        return $"gluster+{transport}://{authority}/{UriText.Escape(n.Name ?? "")}{query}";
    }
}
