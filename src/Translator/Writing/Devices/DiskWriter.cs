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
            Attr("type", disk.Type ?? disk.Source?.Type ?? DiskType.File, DiskXml.Type),
            Attr("device", disk.Device ?? DiskDevice.Disk, DiskXml.Device),
            YesNo("rawio", disk.RawIo),
            Attr("sgio", disk.Sgio, DiskXml.Sgio),
            Attr("snapshot", disk.Snapshot, DiskXml.Snapshot),
            disk.Driver is { } driver ? UnlessEmpty(Driver(driver)) : null,
            disk.Auth is { } auth ? Auth(auth) : null,
            disk.Source is { } source ? Source(source) : null,
            disk.Geometry is { } geometry ? Geometry(geometry) : null,
            disk.BlockIo is { } blockIo ? UnlessEmpty(Element("blockio",
                Attr("logical_block_size", blockIo.LogicalBlockSize),
                Attr("physical_block_size", blockIo.PhysicalBlockSize))) : null,
            disk.Mirror is { } mirror ? Element("mirror",
                Attr("file", mirror.File),
                Attr("format", mirror.Format, DiskXml.Format),
                mirror.Ready ? Attr("ready", "yes") : null) : null,
            Element("target",
                Attr("dev", disk.Target.Dev),
                Attr("bus", DiskTargetNames.BusOf(disk), DiskXml.Bus),
                Attr("tray", disk.Target.Tray, DiskXml.Tray)),
            disk.IoTune is { } ioTune ? IoTune(ioTune) : null,
            Flag("readonly", disk.ReadOnly),
            Flag("shareable", disk.Shareable),
            Flag("transient", disk.Transient),
            TextElement("serial", disk.Serial),
            TextElement("wwn", disk.Wwn),
            disk.Encryption is { } encryption ? Encryption(encryption) : null,
            .. DeviceInfoWriter.Write(disk.Address, disk.Alias, disk.BootOrder),
        ]);

    private static XmlElement Driver(DiskDriver driver) =>
        Element("driver",
            Attr("name", driver.Name),
            Attr("type", driver.Format, DiskXml.Format),
            Attr("cache", driver.Cache, DiskXml.Cache),
            Attr("error_policy", driver.ErrorPolicy, DiskXml.ErrorPolicy),
            Attr("rerror_policy", driver.ReadErrorPolicy, DiskXml.ReadErrorPolicy),
            Attr("io", driver.Io, DiskXml.Io),
            OnOff("ioeventfd", driver.IoEventFd),
            OnOff("event_idx", driver.EventIdx),
            OnOff("copy_on_read", driver.CopyOnRead));

    private static XmlElement Auth(DiskAuth auth) =>
        Element("auth",
            Attr("username", auth.Username),
            Element("secret",
                Attr("type", auth.Secret.Type, DiskXml.AuthSecret),
                auth.Secret.Uuid is { } uuid ? Attr("uuid", Uuid(uuid)) : null,
                Attr("usage", auth.Secret.Usage)));

    /// <summary>The source of the disk's type; an empty file source (no medium) is left out.</summary>
    internal static XmlElement? Source(DiskSource source)
    {
        var labels = source.SecurityLabels.Select(SecurityLabelWriter.Device);
        return source switch
        {
            FileDiskSource { File: null, StartupPolicy: null } when source.SecurityLabels.IsEmpty => null,
            FileDiskSource file => Element("source",
                [Attr("file", file.File), Attr("startupPolicy", file.StartupPolicy, DiskXml.StartupPolicy), .. labels]),
            BlockDiskSource block => Element("source", [Attr("dev", block.Dev), .. labels]),
            DirDiskSource dir => Element("source", [Attr("dir", dir.Dir), .. labels]),
            NetworkDiskSource network => Element("source",
            [
                Attr("protocol", network.Protocol, DiskXml.Protocol),
                Attr("name", network.Name),
                .. network.Hosts.Select(Host),
                .. labels,
            ]),
            _ => throw new InvalidOperationException($"no writer for disk source {source.GetType().Name}"),
        };
    }

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
            TextElement("write_iops_sec", tune.WriteIopsSec)));

    private static XmlElement Encryption(DiskEncryption encryption) =>
        Element("encryption",
        [
            Attr("format", encryption.Format ?? DiskEncryptionFormat.Default, DiskXml.EncryptionFormat),
            .. encryption.Secrets.Select(secret => Element("secret",
                Attr("type", secret.Type, DiskXml.EncryptionSecret),
                Attr("uuid", Uuid(secret.Uuid)))),
        ]);
}
