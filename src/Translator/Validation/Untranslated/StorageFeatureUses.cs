using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation.Untranslated;

/// <summary>
/// libvirt 9's disk and filesystem parts no driver writes yet, wherever a domain uses them: new source
/// types and their settings, backing chains, new driver, target, tuning and encryption settings,
/// virtiofs and the new filesystem attributes.
/// </summary>
public static class StorageFeatureUses
{
    public static IEnumerable<DeviceFeatureUse> Find(Domain domain) => Find(domain, FilesystemParts.None);

    /// <summary>The uses a driver that writes the given filesystem parts (and, with <paramref name="blockGraphs"/>, disks as block node graphs) does not write.</summary>
    /// <param name="domain">The domain whose disks and filesystems are looked at.</param>
    /// <param name="written">The filesystem parts the driver writes.</param>
    /// <param name="blockGraphs">
    /// The driver writes each disk as a block node graph (QEMU's <c>-blockdev</c>): backing chains, slices,
    /// encryption, network logins, TLS and the newer protocol, driver, tuning and device settings are translated.
    /// </param>
    public static IEnumerable<DeviceFeatureUse> Find(Domain domain, FilesystemParts written, bool blockGraphs = false)
    {
        // Nested loops, not SelectMany and Concat with closures: every document passes here, most with no use to find.
        foreach (var disk in domain.Devices.Disks)
        foreach (var use in blockGraphs ? BlockGraphDisk(disk) : Disk(disk))
            yield return use;
        foreach (var filesystem in domain.Devices.Filesystems)
        foreach (var use in Filesystem(filesystem, written))
            yield return use;
    }

    /// <summary>What a block node graph still leaves out (the rest of <see cref="Disk"/> is translated, with the disk's virtio model and ACPI index).</summary>
    private static IEnumerable<DeviceFeatureUse> BlockGraphDisk(Disk disk)
    {
        var at = disk.Location;
        if (disk.BackendDomain is not null) yield return new(at, "<backenddomain>");
        if (disk.Driver is { } driver)
        {
            if (driver.IoThread is not null) yield return new(driver.Location, "<driver iothread>");
            if (driver.MetadataCache is not null) yield return new(driver.Location, "<metadata_cache>");
        }
        // librbd decrypts only RBD images; QEMU's own engine (the default) decrypts any.
        foreach (var encryption in new[] { disk.Encryption, disk.Source?.Encryption })
            if (encryption?.Engine == EncryptionEngine.Librbd && disk.Source is not NetworkDiskSource { Protocol: DiskProtocol.Rbd })
                yield return new(encryption.Location, "<encryption engine='librbd'> of an image that is not RBD");
        if (disk.Mirror is { } mirror && (mirror.Job is not null || mirror.Source is not null || mirror.ImageFormat is not null
                || mirror.BackingStore is not null || mirror.Ready is MirrorReady.Abort or MirrorReady.Pivot
                || mirror.Format is DiskFormat.Vdi or DiskFormat.Ploop or DiskFormat.Luks))
            yield return new(mirror.Location, "<mirror> job, source, format, backing chain or ready state");
    }

    private static IEnumerable<DeviceFeatureUse> Disk(Disk disk)
    {
        var at = disk.Location;
        if (disk.Model is { } model) yield return new(at, $"<disk model='{DiskXml.VirtioModel.ToXml(model)}'>");
        if (disk.Source is { } source)
            foreach (var use in Source(source, "<source>")) yield return use;
        if (disk.BackingStore is { } store) yield return new(store.Location, "<backingStore>");
        if (disk.BackendDomain is not null) yield return new(at, "<backenddomain>");
        if (disk.TransientShareBacking is not null) yield return new(at, "<transient shareBacking>");
        if (disk.Vendor is not null) yield return new(at, "<vendor>");
        if (disk.Product is not null) yield return new(at, "<product>");
        if (disk.AcpiIndex is not null) yield return new(at, "<acpi index>");
        if (disk.Target.Removable is not null) yield return new(disk.Target.Location, "<target removable>");
        if (disk.Target.RotationRate is not null) yield return new(disk.Target.Location, "<target rotation_rate>");
        if (disk.Driver is { } driver)
            foreach (var use in Driver(driver)) yield return use;
        if (disk.IoTune is { } tune && HasNewLimits(tune)) yield return new(tune.Location, "<iotune> maximum, burst length, size or group settings");
        if (disk.Encryption is { } encryption && Encryption(encryption) is { } what) yield return new(encryption.Location, what);
        if (disk.Mirror is { } mirror && (mirror.Job is not null || mirror.Source is not null || mirror.ImageFormat is not null
                || mirror.BackingStore is not null || mirror.Ready is MirrorReady.Abort or MirrorReady.Pivot
                || mirror.Format is DiskFormat.Vdi or DiskFormat.Ploop or DiskFormat.Luks))
            yield return new(mirror.Location, "<mirror> job, source, format, backing chain or ready state");
    }

    private static IEnumerable<DeviceFeatureUse> Source(DiskSource source, string name)
    {
        var at = source.Location;
        switch (source)
        {
            case VolumeDiskSource: yield return new(at, "<disk type='volume'>"); break;
            case NvmeDiskSource: yield return new(at, "<disk type='nvme'>"); break;
            case VhostUserDiskSource: yield return new(at, "<disk type='vhostuser'>"); break;
            case FileDiskSource { FdGroup: not null }: yield return new(at, $"{name} fdgroup"); break;
            case BlockDiskSource { Reservations: not null }: yield return new(at, "<reservations>"); break;
            case NetworkDiskSource network:
                foreach (var use in Network(network)) yield return use;
                break;
        }
        if (source.Index is not null) yield return new(at, $"{name} index");
        if (!source.Slices.IsEmpty) yield return new(at, "<slices>");
        if (source.Encryption is { } encryption) yield return new(encryption.Location, "<encryption> inside <source>");
    }

    private static IEnumerable<DeviceFeatureUse> Network(NetworkDiskSource network)
    {
        var at = network.Location;
        if (network.Protocol is DiskProtocol.Vxhs or DiskProtocol.Nfs)
            yield return new(at, $"network disk protocol '{DiskXml.Protocol.ToXml(network.Protocol)}'");
        if (network.Query is not null) yield return new(at, "<source query>");
        if (network.Tls is not null) yield return new(at, "<source tls>");
        if (network.TlsHostname is not null) yield return new(at, "<source tlsHostname>");
        if (network.SnapshotName is not null) yield return new(at, "<snapshot name>");
        if (network.ConfigFile is not null) yield return new(at, "<config file>");
        if (network.Auth is not null) yield return new(at, "<auth> inside <source>");
        if (network.InitiatorIqn is not null) yield return new(at, "<initiator>");
        if (network.SslVerify is not null) yield return new(at, "<ssl verify>");
        if (!network.Cookies.IsEmpty) yield return new(at, "<cookies>");
        if (network.ReadaheadSize is not null) yield return new(at, "<readahead>");
        if (network.TimeoutSeconds is not null) yield return new(at, "<timeout>");
        if (network.Identity is not null) yield return new(at, "<identity>");
    }

    private static IEnumerable<DeviceFeatureUse> Driver(DiskDriver driver)
    {
        var at = driver.Location;
        if (driver.Format is DiskFormat.Vdi or DiskFormat.Ploop or DiskFormat.Luks)
            yield return new(at, $"<driver type='{DiskXml.Format.ToXml(driver.Format.Value)}'>");
        if (driver.Io == DiskIo.IoUring) yield return new(at, "<driver io='io_uring'>");
        if (driver.Discard is not null) yield return new(at, "<driver discard>");
        if (driver.IoThread is not null) yield return new(at, "<driver iothread>");
        if (driver.DetectZeroes is not null) yield return new(at, "<driver detect_zeroes>");
        if (driver.Queues is not null) yield return new(at, "<driver queues>");
        if (driver.QueueSize is not null) yield return new(at, "<driver queue_size>");
        if (driver.Virtio is not null) yield return new(at, "virtio options (iommu, ats, packed, page_per_vq) of <driver>");
        if (driver.MetadataCache is not null) yield return new(at, "<metadata_cache>");
    }

    private static bool HasNewLimits(DiskIoTune tune) =>
        tune.TotalBytesSecMax is not null || tune.ReadBytesSecMax is not null || tune.WriteBytesSecMax is not null
        || tune.TotalIopsSecMax is not null || tune.ReadIopsSecMax is not null || tune.WriteIopsSecMax is not null
        || tune.SizeIopsSec is not null || tune.GroupName is not null
        || tune.TotalBytesSecMaxLength is not null || tune.ReadBytesSecMaxLength is not null || tune.WriteBytesSecMaxLength is not null
        || tune.TotalIopsSecMaxLength is not null || tune.ReadIopsSecMaxLength is not null || tune.WriteIopsSecMaxLength is not null;

    /// <summary>What an encryption element asks for beyond libvirt 0.10.2's qcow passphrase by UUID, or null.</summary>
    internal static string? Encryption(DiskEncryption encryption) =>
        encryption.Format is DiskEncryptionFormat.Luks or DiskEncryptionFormat.Luks2
            ? $"<encryption format='{DiskXml.EncryptionFormat.ToXml(encryption.Format.Value)}'>"
            : encryption.Engine is not null ? "<encryption engine>"
            : encryption.Cipher is not null || encryption.IvGen is not null ? "<encryption> cipher or ivgen"
            : encryption.Secrets.Any(secret => secret.Usage is not null) ? "an encryption <secret usage>"
            : null;

    private static IEnumerable<DeviceFeatureUse> Filesystem(Filesystem fs, FilesystemParts written)
    {
        var at = fs.Location;
        var virtiofs = fs.Driver?.Type == FilesystemDriverType.Virtiofs && written.HasFlag(FilesystemParts.Virtiofs);
        var nineP = written.HasFlag(FilesystemParts.NinePSettings);
        if (fs.Model is not null && (virtiofs || !written.HasFlag(FilesystemParts.VirtioModel))) yield return new(at, "<filesystem model>");
        if (fs.MultiDevs is not null && !nineP) yield return new(at, "<filesystem multidevs>");
        if ((fs.FileMode is not null || fs.DirectoryMode is not null) && !nineP) yield return new(at, "<filesystem fmode/dmode>");
        if (fs.Driver is { } driver)
        {
            if (driver.Type is FilesystemDriverType.Ploop || driver.Type is FilesystemDriverType.Virtiofs && !virtiofs)
                yield return new(at, $"<filesystem> driver type '{FilesystemXml.DriverType.ToXml(driver.Type.Value)}'");
            if (driver.Queue is not null && !virtiofs) yield return new(at, "<driver queue> of a filesystem");
            if (driver.Virtio is not null && !written.HasFlag(FilesystemParts.VirtioOptions)) yield return new(at, "virtio options of a filesystem <driver>");
        }
        // virtiofsd's own settings go to virtiofsd, which its launcher starts, not to QEMU.
        if (fs.Binary is { } binary && !virtiofs) yield return new(binary.Location, "<binary> (virtiofsd)");
        if (fs.Source is SocketMountFilesystemSource && !virtiofs) yield return new(at, "<source socket> of a filesystem");
        if (fs.BootOrder is not null && !virtiofs) yield return new(at, "<boot> of a filesystem");
        if (fs.AcpiIndex is not null) yield return new(at, "<acpi index> of a filesystem");
        if (fs.SpaceHardLimitBytes is not null || fs.SpaceSoftLimitBytes is not null) yield return new(at, "<space_hard_limit>/<space_soft_limit>");
    }
}

/// <summary>Which of libvirt 9's filesystem parts a driver writes (the rest its untranslated check refuses).</summary>
[Flags]
public enum FilesystemParts
{
    None = 0,

    /// <summary>virtiofs: the device on virtiofsd's socket, its queue size and boot order (virtiofsd's settings are its launcher's).</summary>
    Virtiofs = 1,

    /// <summary>9p's <c>multidevs</c>, <c>fmode</c> and <c>dmode</c>.</summary>
    NinePSettings = 2,

    /// <summary>The virtio transport options of the filesystem's device.</summary>
    VirtioOptions = 4,

    /// <summary>A 9p filesystem's virtio model (transitional or not).</summary>
    VirtioModel = 8,
}
