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
        var uses = new List<DeviceFeatureUse>();
        Add(domain, written, blockGraphs, uses);
        return uses;
    }

    /// <summary>The uses of <see cref="Find(Domain, FilesystemParts, bool)"/>, added to <paramref name="uses"/>.</summary>
    // Added to the caller's list, not yielded by an iterator per disk and per part: every document passes here, most
    // with no use to find (no SelectMany and Concat with closures either), and the QEMU driver gathers every area's
    // uses into one list.
    public static void Add(Domain domain, FilesystemParts written, bool blockGraphs, List<DeviceFeatureUse> uses)
    {
        foreach (var disk in domain.Devices.Disks)
        {
            if (blockGraphs) BlockGraphDisk(disk, uses);
            else Disk(disk, uses);
        }
        foreach (var filesystem in domain.Devices.Filesystems)
            Filesystem(filesystem, written, uses);
    }

    /// <summary>What a block node graph still leaves out (the rest of <see cref="Disk"/> is translated, with the disk's virtio model and ACPI index).</summary>
    private static void BlockGraphDisk(Disk disk, List<DeviceFeatureUse> uses)
    {
        var at = disk.Location;
        if (disk.BackendDomain is not null) uses.Add(new(at, "<backenddomain>"));
        if (disk.Driver is { } driver)
        {
            if (driver.IoThread is not null) uses.Add(new(driver.Location, "<driver iothread>"));
            if (driver.MetadataCache is not null) uses.Add(new(driver.Location, "<metadata_cache>"));
        }
        LibrbdOutsideRbd(disk, disk.Encryption, uses);
        LibrbdOutsideRbd(disk, disk.Source?.Encryption, uses);
        Mirror(disk.Mirror, uses);
    }

    /// <summary>What neither writing of a disk translates of its block job mirror (both ways of writing a disk leave the same out).</summary>
    private static void Mirror(DiskMirror? mirror, List<DeviceFeatureUse> uses)
    {
        if (mirror is not null && (mirror.Job is not null || mirror.Source is not null || mirror.ImageFormat is not null
                || mirror.BackingStore is not null || mirror.Ready is MirrorReady.Abort or MirrorReady.Pivot
                || mirror.Format is DiskFormat.Vdi or DiskFormat.Ploop or DiskFormat.Luks))
            uses.Add(new(mirror.Location, "<mirror> job, source, format, backing chain or ready state"));
    }

    // librbd decrypts only RBD images; QEMU's own engine (the default) decrypts any.
    private static void LibrbdOutsideRbd(Disk disk, DiskEncryption? encryption, List<DeviceFeatureUse> uses)
    {
        if (encryption?.Engine == EncryptionEngine.Librbd && disk.Source is not NetworkDiskSource { Protocol: DiskProtocol.Rbd })
            uses.Add(new(encryption.Location, "<encryption engine='librbd'> of an image that is not RBD"));
    }

    private static void Disk(Disk disk, List<DeviceFeatureUse> uses)
    {
        var at = disk.Location;
        if (disk.Model is { } model) uses.Add(new(at, $"<disk model='{DiskXml.VirtioModel.ToXml(model)}'>"));
        if (disk.Source is { } source)
            Source(source, "<source>", uses);
        if (disk.BackingStore is { } store) uses.Add(new(store.Location, "<backingStore>"));
        if (disk.BackendDomain is not null) uses.Add(new(at, "<backenddomain>"));
        if (disk.TransientShareBacking is not null) uses.Add(new(at, "<transient shareBacking>"));
        if (disk.Vendor is not null) uses.Add(new(at, "<vendor>"));
        if (disk.Product is not null) uses.Add(new(at, "<product>"));
        if (disk.AcpiIndex is not null) uses.Add(new(at, "<acpi index>"));
        if (disk.Target.Removable is not null) uses.Add(new(disk.Target.Location, "<target removable>"));
        if (disk.Target.RotationRate is not null) uses.Add(new(disk.Target.Location, "<target rotation_rate>"));
        if (disk.Driver is { } driver)
            Driver(driver, uses);
        if (disk.IoTune is { } tune && HasNewLimits(tune)) uses.Add(new(tune.Location, "<iotune> maximum, burst length, size or group settings"));
        if (disk.Encryption is { } encryption && Encryption(encryption) is { } what) uses.Add(new(encryption.Location, what));
        Mirror(disk.Mirror, uses);
    }

    private static void Source(DiskSource source, string name, List<DeviceFeatureUse> uses)
    {
        var at = source.Location;
        switch (source)
        {
            case VolumeDiskSource: uses.Add(new(at, "<disk type='volume'>")); break;
            case NvmeDiskSource: uses.Add(new(at, "<disk type='nvme'>")); break;
            case VhostUserDiskSource: uses.Add(new(at, "<disk type='vhostuser'>")); break;
            case FileDiskSource { FdGroup: not null }: uses.Add(new(at, $"{name} fdgroup")); break;
            case BlockDiskSource { Reservations: not null }: uses.Add(new(at, "<reservations>")); break;
            case NetworkDiskSource network:
                Network(network, uses);
                break;
        }
        if (source.Index is not null) uses.Add(new(at, $"{name} index"));
        if (!source.Slices.IsEmpty) uses.Add(new(at, "<slices>"));
        if (source.Encryption is { } encryption) uses.Add(new(encryption.Location, "<encryption> inside <source>"));
    }

    private static void Network(NetworkDiskSource network, List<DeviceFeatureUse> uses)
    {
        var at = network.Location;
        if (network.Protocol is DiskProtocol.Vxhs or DiskProtocol.Nfs)
            uses.Add(new(at, $"network disk protocol '{DiskXml.Protocol.ToXml(network.Protocol)}'"));
        if (network.Query is not null) uses.Add(new(at, "<source query>"));
        if (network.Tls is not null) uses.Add(new(at, "<source tls>"));
        if (network.TlsHostname is not null) uses.Add(new(at, "<source tlsHostname>"));
        if (network.SnapshotName is not null) uses.Add(new(at, "<snapshot name>"));
        if (network.ConfigFile is not null) uses.Add(new(at, "<config file>"));
        if (network.Auth is not null) uses.Add(new(at, "<auth> inside <source>"));
        if (network.InitiatorIqn is not null) uses.Add(new(at, "<initiator>"));
        if (network.SslVerify is not null) uses.Add(new(at, "<ssl verify>"));
        if (!network.Cookies.IsEmpty) uses.Add(new(at, "<cookies>"));
        if (network.ReadaheadSize is not null) uses.Add(new(at, "<readahead>"));
        if (network.TimeoutSeconds is not null) uses.Add(new(at, "<timeout>"));
        if (network.Identity is not null) uses.Add(new(at, "<identity>"));
    }

    private static void Driver(DiskDriver driver, List<DeviceFeatureUse> uses)
    {
        var at = driver.Location;
        if (driver.Format is DiskFormat.Vdi or DiskFormat.Ploop or DiskFormat.Luks)
            uses.Add(new(at, $"<driver type='{DiskXml.Format.ToXml(driver.Format.Value)}'>"));
        if (driver.Io == DiskIo.IoUring) uses.Add(new(at, "<driver io='io_uring'>"));
        if (driver.Discard is not null) uses.Add(new(at, "<driver discard>"));
        if (driver.IoThread is not null) uses.Add(new(at, "<driver iothread>"));
        if (driver.DetectZeroes is not null) uses.Add(new(at, "<driver detect_zeroes>"));
        if (driver.Queues is not null) uses.Add(new(at, "<driver queues>"));
        if (driver.QueueSize is not null) uses.Add(new(at, "<driver queue_size>"));
        if (driver.Virtio is not null) uses.Add(new(at, "virtio options (iommu, ats, packed, page_per_vq) of <driver>"));
        if (driver.MetadataCache is not null) uses.Add(new(at, "<metadata_cache>"));
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

    private static void Filesystem(Filesystem fs, FilesystemParts written, List<DeviceFeatureUse> uses)
    {
        var at = fs.Location;
        var virtiofs = fs.Driver?.Type == FilesystemDriverType.Virtiofs && written.HasFlag(FilesystemParts.Virtiofs);
        var nineP = written.HasFlag(FilesystemParts.NinePSettings);
        if (fs.Model is not null && (virtiofs || !written.HasFlag(FilesystemParts.VirtioModel))) uses.Add(new(at, "<filesystem model>"));
        if (fs.MultiDevs is not null && !nineP) uses.Add(new(at, "<filesystem multidevs>"));
        if ((fs.FileMode is not null || fs.DirectoryMode is not null) && !nineP) uses.Add(new(at, "<filesystem fmode/dmode>"));
        if (fs.Driver is { } driver)
        {
            if (driver.Type is FilesystemDriverType.Ploop || driver.Type is FilesystemDriverType.Virtiofs && !virtiofs)
                uses.Add(new(at, $"<filesystem> driver type '{FilesystemXml.DriverType.ToXml(driver.Type.Value)}'"));
            if (driver.Queue is not null && !virtiofs) uses.Add(new(at, "<driver queue> of a filesystem"));
            if (driver.Virtio is not null && !written.HasFlag(FilesystemParts.VirtioOptions)) uses.Add(new(at, "virtio options of a filesystem <driver>"));
        }
        // virtiofsd's own settings go to virtiofsd, which its launcher starts, not to QEMU.
        if (fs.Binary is { } binary && !virtiofs) uses.Add(new(binary.Location, "<binary> (virtiofsd)"));
        if (fs.Source is SocketMountFilesystemSource && !virtiofs) uses.Add(new(at, "<source socket> of a filesystem"));
        if (fs.BootOrder is not null && !virtiofs) uses.Add(new(at, "<boot> of a filesystem"));
        if (fs.AcpiIndex is not null) uses.Add(new(at, "<acpi index> of a filesystem"));
        if (fs.SpaceHardLimitBytes is not null || fs.SpaceSoftLimitBytes is not null) uses.Add(new(at, "<space_hard_limit>/<space_soft_limit>"));
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
