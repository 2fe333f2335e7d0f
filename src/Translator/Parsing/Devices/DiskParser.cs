using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;disk&gt;</c>: its attributes, source, driver, target and the optional tuning elements.</summary>
internal static class DiskParser
{
    public static Disk? Parse(ElementReader disk)
    {
        var type = disk.Enum("type", DiskXml.Type);
        var typeUnreadable = disk.HasAttribute("type") && type is null;
        var device = disk.Enum("device", DiskXml.Device);
        var model = disk.Enum("model", DiskXml.VirtioModel);
        var rawIo = disk.YesNo("rawio");
        var sgio = disk.Enum("sgio", DiskXml.Sgio);
        var snapshot = disk.Enum("snapshot", DiskXml.Snapshot);

        // An unknown type already failed; its source would only add noise.
        var sourceElement = disk.Child("source");
        var source = sourceElement is null || typeUnreadable ? null : DiskSourceParser.Parse(sourceElement, type ?? DiskType.File);
        var target = Target(disk);

        var result = new Disk
        {
            Type = type,
            Device = device,
            Model = model,
            RawIo = rawIo,
            Sgio = sgio,
            Snapshot = snapshot,
            Driver = disk.Child("driver") is { } driver ? Driver(driver) : null,
            Source = source,
            BackingStore = typeUnreadable ? null : DiskBackingStoreParser.Parse(disk),
            BackendDomain = disk.SingleChild("backenddomain")?.RequiredAttr("name"),
            Target = target ?? new DiskTarget { Dev = "" },
            IoTune = disk.Child("iotune") is { } iotune ? IoTune(iotune) : null,
            ReadOnly = disk.Child("readonly") is not null,
            Shareable = disk.Child("shareable") is not null,
            Transient = disk.Child("transient") is not null,
            TransientShareBacking = disk.Child("transient")?.YesNo("shareBacking"),
            Serial = disk.ChildText("serial"),
            Wwn = disk.Child("wwn") is { } wwn ? Wwn(wwn) : null,
            Vendor = disk.SingleChild("vendor") is { } vendor ? Printable(vendor, 8) : null,
            Product = disk.SingleChild("product") is { } product ? Printable(product, 16) : null,
            Encryption = disk.Child("encryption") is { } encryption ? DiskEncryptionParser.Parse(encryption) : null,
            Geometry = disk.Child("geometry") is { } geometry ? Geometry(geometry) : null,
            BlockIo = disk.Child("blockio") is { } blockio
                ? new DiskBlockIo
                {
                    LogicalBlockSize = blockio.UInt("logical_block_size"),
                    PhysicalBlockSize = blockio.UInt("physical_block_size"),
                }
                : null,
            BootOrder = CommonParsers.BootOrder(disk),
            Auth = disk.Child("auth") is { } auth ? Auth(auth) : null,
            Mirror = disk.Child("mirror") is { } mirror ? Mirror(mirror) : null,
            AcpiIndex = disk.SingleChild("acpi")?.UInt("index"),
            Address = CommonParsers.Address(disk),
            Alias = CommonParsers.Alias(disk),
            Location = disk.Location,
        };
        CheckDeviceSpecifics(disk, result, sourceElement);
        return target is null ? null : result;
    }

    private static DiskTarget? Target(ElementReader disk)
    {
        var target = disk.Child("target");
        if (target is null)
        {
            disk.Error(DiagnosticCatalog.MissingElement, "missing required element <target>");
            return null;
        }
        var dev = target.RequiredAttr("dev");
        if (dev is { Length: 0 })
            target.AttrError("dev", DiagnosticCatalog.InvalidValue, "the target 'dev' must not be empty");
        var bus = target.Enum("bus", DiskXml.Bus);
        var tray = target.Enum("tray", DiskXml.Tray);
        var removable = target.OnOff("removable");
        var rotationRate = target.UInt("rotation_rate");
        if (rotationRate == 0)
            target.AttrError("rotation_rate", DiagnosticCatalog.NumberOutOfRange, "'rotation_rate' must be positive (1 for a solid-state disk)");
        return string.IsNullOrEmpty(dev)
            ? null
            : new DiskTarget
            {
                Dev = dev,
                Bus = bus,
                Tray = tray,
                Removable = removable,
                RotationRate = rotationRate is 0 ? null : rotationRate,
                Location = target.Location,
            };
    }

    private static DiskDriver Driver(ElementReader driver) => new()
    {
        Name = driver.Attr("name"),
        Format = driver.Enum("type", DiskXml.Format),
        Cache = driver.Enum("cache", DiskXml.Cache),
        ErrorPolicy = driver.Enum("error_policy", DiskXml.ErrorPolicy),
        ReadErrorPolicy = driver.Enum("rerror_policy", DiskXml.ReadErrorPolicy),
        Io = driver.Enum("io", DiskXml.Io),
        IoEventFd = driver.OnOff("ioeventfd"),
        EventIdx = driver.OnOff("event_idx"),
        CopyOnRead = driver.OnOff("copy_on_read"),
        Discard = driver.Enum("discard", DiskXml.Discard),
        IoThread = driver.UInt("iothread"),
        DetectZeroes = driver.Enum("detect_zeroes", DiskXml.DetectZeroes),
        Queues = PositiveAttr(driver, "queues"),
        QueueSize = PositiveAttr(driver, "queue_size"),
        Virtio = VirtioOptionsParser.Options(driver),
        MetadataCache = driver.SingleChild("metadata_cache") is { } cache ? DiskBackingStoreParser.MetadataCache(cache) : null,
        Location = driver.Location,
    };

    private static DiskIoTune IoTune(ElementReader iotune)
    {
        var tune = new DiskIoTune
        {
            TotalBytesSec = Limit(iotune, "total_bytes_sec"),
            ReadBytesSec = Limit(iotune, "read_bytes_sec"),
            WriteBytesSec = Limit(iotune, "write_bytes_sec"),
            TotalIopsSec = Limit(iotune, "total_iops_sec"),
            ReadIopsSec = Limit(iotune, "read_iops_sec"),
            WriteIopsSec = Limit(iotune, "write_iops_sec"),
            TotalBytesSecMax = Limit(iotune, "total_bytes_sec_max"),
            ReadBytesSecMax = Limit(iotune, "read_bytes_sec_max"),
            WriteBytesSecMax = Limit(iotune, "write_bytes_sec_max"),
            TotalIopsSecMax = Limit(iotune, "total_iops_sec_max"),
            ReadIopsSecMax = Limit(iotune, "read_iops_sec_max"),
            WriteIopsSecMax = Limit(iotune, "write_iops_sec_max"),
            SizeIopsSec = Limit(iotune, "size_iops_sec"),
            GroupName = iotune.ChildText("group_name"),
            TotalBytesSecMaxLength = Limit(iotune, "total_bytes_sec_max_length"),
            ReadBytesSecMaxLength = Limit(iotune, "read_bytes_sec_max_length"),
            WriteBytesSecMaxLength = Limit(iotune, "write_bytes_sec_max_length"),
            TotalIopsSecMaxLength = Limit(iotune, "total_iops_sec_max_length"),
            ReadIopsSecMaxLength = Limit(iotune, "read_iops_sec_max_length"),
            WriteIopsSecMaxLength = Limit(iotune, "write_iops_sec_max_length"),
            Location = iotune.Location,
        };
        // A total limit already bounds reads and writes together; both at once is ambiguous.
        if (tune.TotalBytesSec is not null && (tune.ReadBytesSec is not null || tune.WriteBytesSec is not null))
            iotune.Error(DiagnosticCatalog.InconsistentValue,
                "total_bytes_sec cannot be given together with read_bytes_sec or write_bytes_sec");
        if (tune.TotalIopsSec is not null && (tune.ReadIopsSec is not null || tune.WriteIopsSec is not null))
            iotune.Error(DiagnosticCatalog.InconsistentValue,
                "total_iops_sec cannot be given together with read_iops_sec or write_iops_sec");
        CheckTotalExcludes(iotune, "bytes_sec_max", tune.TotalBytesSecMax, tune.ReadBytesSecMax, tune.WriteBytesSecMax);
        CheckTotalExcludes(iotune, "iops_sec_max", tune.TotalIopsSecMax, tune.ReadIopsSecMax, tune.WriteIopsSecMax);
        CheckTotalExcludes(iotune, "bytes_sec_max_length", tune.TotalBytesSecMaxLength, tune.ReadBytesSecMaxLength, tune.WriteBytesSecMaxLength);
        CheckTotalExcludes(iotune, "iops_sec_max_length", tune.TotalIopsSecMaxLength, tune.ReadIopsSecMaxLength, tune.WriteIopsSecMaxLength);
        return tune;
    }

    private static void CheckTotalExcludes(ElementReader iotune, string kind, ulong? total, ulong? read, ulong? write)
    {
        if (total is not null && (read is not null || write is not null))
            iotune.Error(DiagnosticCatalog.InconsistentValue,
                $"total_{kind} cannot be given together with read_{kind} or write_{kind}");
    }

    private static uint? PositiveAttr(ElementReader element, string name)
    {
        var value = element.UInt(name);
        if (value != 0) return value;
        element.AttrError(name, DiagnosticCatalog.NumberOutOfRange, $"attribute '{name}' must be positive");
        return null;
    }

    /// <summary>The text of a SCSI inquiry string: printable ASCII, at most <paramref name="max"/> characters.</summary>
    private static string? Printable(ElementReader element, int max)
    {
        var text = element.Text;
        if (text.Length <= max && text.All(c => c is >= ' ' and <= '~')) return text;
        element.Error(DiagnosticCatalog.InvalidValue,
            $"<{element.Name}> must be at most {max} printable ASCII characters");
        return null;
    }

    private static ulong? Limit(ElementReader iotune, string name) => iotune.Child(name)?.UnsignedText();

    private static string? Wwn(ElementReader wwn)
    {
        var text = wwn.Text.Trim();
        var digits = text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text;
        if (digits.Length == 16 && digits.All(char.IsAsciiHexDigit)) return text;
        wwn.Error(DiagnosticCatalog.InvalidValue,
            $"'{text}' is not a world wide name; expected 16 hexadecimal digits (optionally after 0x)");
        return null;
    }

    private static DiskGeometry? Geometry(ElementReader geometry)
    {
        var cylinders = Required(geometry, "cyls");
        var heads = Required(geometry, "heads");
        var sectors = Required(geometry, "secs");
        var translation = geometry.Enum("trans", DiskXml.Translation);
        return cylinders is null || heads is null || sectors is null
            ? null
            : new DiskGeometry
            {
                Cylinders = cylinders.Value,
                Heads = heads.Value,
                Sectors = sectors.Value,
                Translation = translation,
                Location = geometry.Location,
            };
    }

    private static uint? Required(ElementReader element, string name) =>
        element.RequiredAttr(name) is null ? null : element.UInt(name);

    internal static DiskAuth? Auth(ElementReader auth)
    {
        var username = auth.RequiredAttr("username");
        var secretElement = auth.Child("secret");
        if (secretElement is null)
        {
            auth.Error(DiagnosticCatalog.MissingElement, "missing required element <secret>");
            return null;
        }
        var type = secretElement.RequiredEnum("type", DiskXml.AuthSecret);
        var usage = secretElement.Attr("usage");
        var uuid = DeviceValueParsers.Uuid(secretElement, "uuid");
        var hasUuid = secretElement.HasAttribute("uuid");
        if (usage is null && !hasUuid)
            secretElement.Error(DiagnosticCatalog.MissingAttribute, "the secret needs a 'uuid' or a 'usage' attribute");
        else if (usage is not null && hasUuid)
            secretElement.Error(DiagnosticCatalog.InconsistentValue, "the secret takes a 'uuid' or a 'usage' attribute, not both");
        if (username is null || type is null || (usage is null && uuid is null)) return null;
        return new DiskAuth
        {
            Username = username,
            Secret = new DiskAuthSecret { Type = type.Value, Usage = usage, Uuid = uuid },
            Location = auth.Location,
        };
    }

    /// <summary>
    /// The old form names the destination in <c>file</c>; the new one gives a <c>job</c> and a
    /// <c>&lt;source&gt;</c> of the mirror's <c>type</c> (a file when absent).
    /// </summary>
    private static DiskMirror? Mirror(ElementReader mirror)
    {
        var job = mirror.Enum("job", DiskXml.MirrorJob);
        var file = job is null || mirror.HasAttribute("file") ? mirror.RequiredAttr("file") : null;
        var format = mirror.Enum("format", DiskXml.Format);
        var type = mirror.Enum("type", DiskXml.Type);
        var sourceElement = mirror.SingleChild("source");
        var source = sourceElement is null ? null : DiskSourceParser.Parse(sourceElement, type ?? DiskType.File);
        if (job is not null && file is null && sourceElement is null)
            mirror.Error(DiagnosticCatalog.MissingElement, "missing required element <source> (a mirror without 'file')");
        var imageFormat = mirror.SingleChild("format") is { } formatElement ? DiskBackingStoreParser.Format(formatElement) : null;
        var backingStore = DiskBackingStoreParser.Parse(mirror);
        var ready = mirror.Enum("ready", DiskXml.MirrorReady);
        return file is null && source is null
            ? null
            : new DiskMirror
            {
                File = file,
                Format = format,
                Job = job,
                Type = type,
                Source = source,
                ImageFormat = imageFormat,
                BackingStore = backingStore,
                Ready = ready,
                Location = mirror.Location,
            };
    }

    /// <summary>Attributes that only some devices or source types may carry.</summary>
    private static void CheckDeviceSpecifics(ElementReader disk, Disk result, ElementReader? sourceElement)
    {
        var device = result.Device ?? DiskDevice.Disk;
        var removable = device is DiskDevice.Cdrom or DiskDevice.Floppy;
        var deviceName = DiskXml.Device.ToXml(device);

        if (device == DiskDevice.Lun && result.Type is not (DiskType.Block or DiskType.Network or DiskType.Volume))
            disk.AttrError("device", DiagnosticCatalog.InconsistentValue,
                $"device 'lun' needs a disk of type 'block', 'network' or 'volume', not '{DiskXml.Type.ToXml(result.Type ?? DiskType.File)}'");
        if (result.RawIo is not null && device != DiskDevice.Lun)
            disk.AttrError("rawio", DiagnosticCatalog.InconsistentValue,
                $"'rawio' is only valid with device 'lun', not '{deviceName}'");
        if (result.Sgio is not null && device != DiskDevice.Lun)
            disk.AttrError("sgio", DiagnosticCatalog.InconsistentValue,
                $"'sgio' is only valid with device 'lun', not '{deviceName}'");
        if (result.Target.Tray is not null && !removable)
            disk.Child("target")!.AttrError("tray", DiagnosticCatalog.InconsistentValue,
                $"'tray' is only valid for a cdrom or floppy, not '{deviceName}'");
        // Since libvirt 1.1.2 a hard disk may be dropped when missing ('optional'); 'requisite'
        // (drop only on migration or restore) stays a removable-media policy.
        if (sourceElement is not null && StartupPolicyOf(result.Source) == StartupPolicy.Requisite && !removable)
            sourceElement.AttrError("startupPolicy", DiagnosticCatalog.InconsistentValue,
                $"startupPolicy 'requisite' is only valid for a cdrom or floppy, not '{deviceName}'");
        if (result.Source is FileDiskSource { File: null } && !removable)
            sourceElement!.Error(DiagnosticCatalog.MissingAttribute,
                $"missing required attribute 'file' (only a cdrom or floppy may be empty)");
    }

    private static StartupPolicy? StartupPolicyOf(DiskSource? source) => source switch
    {
        FileDiskSource file => file.StartupPolicy,
        BlockDiskSource block => block.StartupPolicy,
        DirDiskSource dir => dir.StartupPolicy,
        VolumeDiskSource volume => volume.StartupPolicy,
        NvmeDiskSource nvme => nvme.StartupPolicy,
        _ => null,
    };
}
