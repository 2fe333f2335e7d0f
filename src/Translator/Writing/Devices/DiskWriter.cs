using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;disk&gt;</c>: attributes, driver, auth, source, geometry, blockio, mirror, target, tuning, flags, device info.</summary>
internal static class DiskWriter
{
    /// <summary>The reference always writes the type (file unless given) and the device (disk unless given).</summary>
    public static XmlElement Write(Disk disk) =>
        Element("disk",
        [
            Attr("type", disk.Type, DiskXml.Type),
            Attr("device", disk.Device, DiskXml.Device),
            Attr("model", disk.Model, DiskXml.VirtioModel),
            YesNo("rawio", disk.RawIo),
            Attr("sgio", disk.Sgio, DiskXml.Sgio),
            Attr("snapshot", disk.Snapshot, DiskXml.Snapshot),
            disk.Driver is { } driver ? UnlessEmpty(Driver(driver)) : null,
            disk.Auth is { } auth ? Auth(auth) : null,
            disk.Source is { } source ? Source(source) : null,
            disk.BackingStore is { } backingStore ? BackingStore(backingStore) : null,
            disk.BackendDomain is { } backend ? Element("backenddomain", Attr("name", backend)) : null,
            disk.Geometry is { } geometry ? Geometry(geometry) : null,
            disk.BlockIo is { } blockIo ? UnlessEmpty(Element("blockio",
                Attr("logical_block_size", blockIo.LogicalBlockSize),
                Attr("physical_block_size", blockIo.PhysicalBlockSize))) : null,
            disk.Mirror is { } mirror ? Mirror(mirror) : null,
            Element("target",
                Attr("dev", disk.Target.Dev),
                Attr("bus", disk.Target.Bus, DiskXml.Bus),
                Attr("tray", disk.Target.Tray, DiskXml.Tray),
                OnOff("removable", disk.Target.Removable),
                Attr("rotation_rate", disk.Target.RotationRate)),
            disk.IoTune is { } ioTune ? IoTune(ioTune) : null,
            Flag("readonly", disk.ReadOnly),
            Flag("shareable", disk.Shareable),
            disk.Transient ? Element("transient", YesNo("shareBacking", disk.TransientShareBacking)) : null,
            TextElement("serial", disk.Serial),
            TextElement("wwn", disk.Wwn),
            TextElement("vendor", disk.Vendor),
            TextElement("product", disk.Product),
            disk.Encryption is { } encryption ? Encryption(encryption) : null,
            DeviceInfoWriter.Boot(disk.BootOrder),
            DeviceInfoWriter.Alias(disk.Alias),
            disk.AcpiIndex is { } acpiIndex ? Element("acpi", Attr("index", acpiIndex)) : null,
            DeviceInfoWriter.Address(disk.Address),
        ]);

    private static XmlElement Driver(DiskDriver driver) =>
        Element("driver",
        [
            Attr("name", driver.Name),
            Attr("type", driver.Format, DiskXml.Format),
            Attr("cache", driver.Cache, DiskXml.Cache),
            Attr("error_policy", driver.ErrorPolicy, DiskXml.ErrorPolicy),
            Attr("rerror_policy", driver.ReadErrorPolicy, DiskXml.ReadErrorPolicy),
            Attr("io", driver.Io, DiskXml.Io),
            OnOff("ioeventfd", driver.IoEventFd),
            OnOff("event_idx", driver.EventIdx),
            OnOff("copy_on_read", driver.CopyOnRead),
            Attr("discard", driver.Discard, DiskXml.Discard),
            Attr("iothread", driver.IoThread),
            Attr("detect_zeroes", driver.DetectZeroes, DiskXml.DetectZeroes),
            Attr("queues", driver.Queues),
            Attr("queue_size", driver.QueueSize),
            .. VirtioOptionsWriter.Write(driver.Virtio),
            driver.MetadataCache is { } cache ? MetadataCache(cache) : null,
        ]);

    private static XmlElement Mirror(DiskMirror mirror) =>
        Element("mirror",
            Attr("type", mirror.Type, DiskXml.Type),
            Attr("file", mirror.File),
            Attr("format", mirror.Format, DiskXml.Format),
            Attr("job", mirror.Job, DiskXml.MirrorJob),
            Attr("ready", mirror.Ready, DiskXml.MirrorReady),
            mirror.ImageFormat is { } format ? ImageFormat(format) : null,
            mirror.Source is { } source ? Source(source) : null,
            mirror.BackingStore is { } store ? BackingStore(store) : null);

    private static XmlElement ImageFormat(DiskImageFormat format) =>
        Element("format", Attr("type", format.Type, DiskXml.Format), format.MetadataCache is { } cache ? MetadataCache(cache) : null);

    private static XmlElement MetadataCache(MetadataCache cache) =>
        Element("metadata_cache", TextElement("max_size", cache.MaxSizeBytes, Attr("unit", "bytes")));

    /// <summary>One image of the chain: type and index, format, source, then the rest of the chain.</summary>
    private static XmlElement BackingStore(DiskBackingStore store) =>
        store.IsEnd
            ? Element("backingStore")
            : Element("backingStore",
                Attr("type", store.Type, DiskXml.Type),
                Attr("index", store.Index),
                store.Format is { } format ? ImageFormat(format) : null,
                store.Source is { } source ? Source(source) : null,
                store.Next is { } next ? BackingStore(next) : null);

    internal static XmlElement Auth(DiskAuth auth) =>
        Element("auth",
            Attr("username", auth.Username),
            Element("secret",
                Attr("type", auth.Secret.Type, DiskXml.AuthSecret),
                auth.Secret.Uuid is { } uuid ? Attr("uuid", Uuid(uuid)) : null,
                Attr("usage", auth.Secret.Usage)));

    /// <summary>
    /// The source of the disk's type: its own attributes and children, then what every source may
    /// carry (startupPolicy, index, slices, labels, auth, encryption, reservations). An empty file
    /// source (no medium) is left out.
    /// </summary>
    internal static XmlElement? Source(DiskSource source)
    {
        if (source is FileDiskSource { File: null, StartupPolicy: null, FdGroup: null, Index: null, Encryption: null }
            && source.SecurityLabels.IsEmpty && source.Slices.IsEmpty)
            return null;
        IEnumerable<XmlNode?> own = source switch
        {
            FileDiskSource file => [Attr("file", file.File), Attr("fdgroup", file.FdGroup), StartupPolicy(file.StartupPolicy)],
            BlockDiskSource block => [Attr("dev", block.Dev), StartupPolicy(block.StartupPolicy)],
            DirDiskSource dir => [Attr("dir", dir.Dir), StartupPolicy(dir.StartupPolicy)],
            NetworkDiskSource network => Network(network),
            VolumeDiskSource volume =>
            [
                Attr("pool", volume.Pool),
                Attr("volume", volume.Volume),
                Attr("mode", volume.Mode, DiskXml.VolumeMode),
                StartupPolicy(volume.StartupPolicy),
            ],
            NvmeDiskSource nvme =>
            [
                Attr("type", "pci"),
                YesNo("managed", nvme.Managed),
                Attr("namespace", nvme.Namespace),
                StartupPolicy(nvme.StartupPolicy),
                Element("address", [.. DeviceInfoWriter.PciFields(nvme.Address)]),
            ],
            VhostUserDiskSource vhost => [Attr("type", "unix"), Attr("path", vhost.Path), Reconnect(vhost.Reconnect)],
            _ => throw new InvalidOperationException($"no writer for disk source {source.GetType().Name}"),
        };
        return Element("source",
        [
            .. own,
            Attr("index", source.Index),
            source.Slices.IsEmpty ? null : Element("slices",
            [
                .. source.Slices.Select(slice => Element("slice",
                    Attr("type", slice.Type, DiskXml.SliceType),
                    Attr("offset", slice.Offset),
                    Attr("size", slice.Size))),
            ]),
            .. source.SecurityLabels.Select(SecurityLabelWriter.Device),
            source is NetworkDiskSource { Auth: { } auth } ? Auth(auth) : null,
            source.Encryption is { } encryption ? Encryption(encryption) : null,
            source is BlockDiskSource { Reservations: { } reservations } ? Reservations(reservations) : null,
        ]);
    }

    private static XmlAttribute? StartupPolicy(StartupPolicy? policy) => Attr("startupPolicy", policy, DiskXml.StartupPolicy);

    private static IEnumerable<XmlNode?> Network(NetworkDiskSource network) =>
    [
        Attr("protocol", network.Protocol, DiskXml.Protocol),
        Attr("name", network.Name),
        Attr("query", network.Query),
        YesNo("tls", network.Tls),
        Attr("tlsHostname", network.TlsHostname),
        .. network.Hosts.Select(Host),
        network.SnapshotName is { } snapshot ? Element("snapshot", Attr("name", snapshot)) : null,
        network.ConfigFile is { } config ? Element("config", Attr("file", config)) : null,
        network.InitiatorIqn is { } iqn ? Element("initiator", Element("iqn", Attr("name", iqn))) : null,
        network.SslVerify is { } verify ? Element("ssl", YesNo("verify", verify)) : null,
        network.Cookies.IsEmpty ? null : Element("cookies",
            [.. network.Cookies.Select(cookie => TextElement("cookie", cookie.Value, Attr("name", cookie.Name)))]),
        network.ReadaheadSize is { } readahead ? Element("readahead", Attr("size", readahead)) : null,
        network.TimeoutSeconds is { } timeout ? Element("timeout", Attr("seconds", timeout)) : null,
        network.Identity is { } identity ? Element("identity", Attr("user", identity.User), Attr("group", identity.Group)) : null,
    ];

    private static XmlElement? Reconnect(SocketReconnect? reconnect) =>
        reconnect is null ? null : Element("reconnect", YesNo("enabled", reconnect.Enabled), Attr("timeout", reconnect.Timeout));

    private static XmlElement Reservations(DiskReservations reservations) =>
        Element("reservations",
            YesNo("managed", reservations.Managed),
            reservations.Source is { } source
                ? Element("source",
                    Attr("type", "unix"),
                    Attr("path", source.Path),
                    Attr("mode", source.Mode, DiskXml.SocketMode),
                    Reconnect(source.Reconnect))
                : null);

    private static XmlElement Host(DiskSourceHost host) =>
        Element("host",
            Attr("name", host.Name),
            Attr("port", host.Port),
            Attr("transport", host.Transport, DiskXml.Transport),
            Attr("socket", host.Socket));

    private static XmlElement Geometry(DiskGeometry geometry) =>
        Element("geometry",
            Attr("cyls", (ulong)geometry.Cylinders),
            Attr("heads", (ulong)geometry.Heads),
            Attr("secs", (ulong)geometry.Sectors),
            Attr("trans", geometry.Translation, DiskXml.Translation));

    private static XmlElement? IoTune(DiskIoTune tune) =>
        UnlessChildless(Element("iotune",
            TextElement("total_bytes_sec", tune.TotalBytesSec),
            TextElement("read_bytes_sec", tune.ReadBytesSec),
            TextElement("write_bytes_sec", tune.WriteBytesSec),
            TextElement("total_iops_sec", tune.TotalIopsSec),
            TextElement("read_iops_sec", tune.ReadIopsSec),
            TextElement("write_iops_sec", tune.WriteIopsSec),
            TextElement("total_bytes_sec_max", tune.TotalBytesSecMax),
            TextElement("read_bytes_sec_max", tune.ReadBytesSecMax),
            TextElement("write_bytes_sec_max", tune.WriteBytesSecMax),
            TextElement("total_iops_sec_max", tune.TotalIopsSecMax),
            TextElement("read_iops_sec_max", tune.ReadIopsSecMax),
            TextElement("write_iops_sec_max", tune.WriteIopsSecMax),
            TextElement("size_iops_sec", tune.SizeIopsSec),
            TextElement("group_name", tune.GroupName),
            TextElement("total_bytes_sec_max_length", tune.TotalBytesSecMaxLength),
            TextElement("read_bytes_sec_max_length", tune.ReadBytesSecMaxLength),
            TextElement("write_bytes_sec_max_length", tune.WriteBytesSecMaxLength),
            TextElement("total_iops_sec_max_length", tune.TotalIopsSecMaxLength),
            TextElement("read_iops_sec_max_length", tune.ReadIopsSecMaxLength),
            TextElement("write_iops_sec_max_length", tune.WriteIopsSecMaxLength)));

    private static XmlElement Encryption(DiskEncryption encryption) =>
        Element("encryption",
        [
            Attr("format", encryption.Format, DiskXml.EncryptionFormat),
            Attr("engine", encryption.Engine, DiskXml.EncryptionEngine),
            .. encryption.Secrets.Select(secret => Element("secret",
                Attr("type", secret.Type, DiskXml.EncryptionSecret),
                secret.Uuid is { } uuid ? Attr("uuid", Uuid(uuid)) : null,
                Attr("usage", secret.Usage))),
            encryption.Cipher is { } cipher
                ? Element("cipher", Attr("name", cipher.Name), Attr("size", cipher.Size), Attr("mode", cipher.Mode), Attr("hash", cipher.Hash))
                : null,
            encryption.IvGen is { } ivgen ? Element("ivgen", Attr("name", ivgen.Name), Attr("hash", ivgen.Hash)) : null,
        ]);
}
