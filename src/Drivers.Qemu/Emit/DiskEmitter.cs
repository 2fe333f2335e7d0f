using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: disks as -hda/-fda/-cdrom/-usbdevice disk: (legacy), -drive, and -drive + -device/-global isa-fdc or -device floppy.
internal static class DiskEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.FloppyController is { } fdc)
        {
            args.Add("-device");
            args.Add(new QemuOpts(fdc.QemuType).Add("bootindexA", fdc.BootIndexA).Add("bootindexB", fdc.BootIndexB).ToString());
        }
        foreach (var disk in ctx.Plan.Disks)
        {
            if (disk.BlockGraph is { } graph)
            {
                BlockGraphEmitter.Emit(graph, args);
                Device(disk, ctx, graph.TopNode, args);
                continue;
            }
            // -drive has no if=usb: without -device a USB disk is -usbdevice disk:, as before -drive.
            var drive = ctx.Has(QemuCapability.Drive) && (ctx.Plan.UseDevice || disk.Bus != DiskBus.Usb);
            if (drive) Drive(disk, ctx, args);
            else Legacy(disk, args);
        }
    }

    private static void Legacy(PlannedDisk disk, List<string> args)
    {
        var source = disk.Source;
        if (disk.Bus == DiskBus.Usb)
        {
            args.Add("-usbdevice");
            args.Add("disk:" + source);
            return;
        }
        var dev = disk.Disk.Target.Dev;
        if (dev == "hdc" && disk.Device == DiskDevice.Cdrom)
        {
            if (source is null) return;
            args.Add("-cdrom");
        }
        else if (source is null && disk.Device is DiskDevice.Cdrom or DiskDevice.Floppy)
        {
            return;
        }
        else
        {
            args.Add("-" + dev);
        }
        args.Add(source ?? "");
    }

    private static void Drive(PlannedDisk disk, QemuContext ctx, List<string> args)
    {
        var useDevice = ctx.Plan.UseDevice;
        var opts = new QemuOpts();
        opts.Add("file", disk.Source);
        opts.Add("if", useDevice ? "none" : InterfaceName(disk.Bus));
        if (disk.MediaCdrom) opts.Add("media", "cdrom");
        if (useDevice)
        {
            opts.Add("id", disk.DriveId);
        }
        else if (disk.Bus == DiskBus.Xen)
        {
            opts.Add("index", disk.Index);
        }
        else if (disk.Drive is { } drive)
        {
            if (disk.Bus != DiskBus.Fdc) opts.Add("bus", disk.Bus == DiskBus.Scsi ? drive.Controller : drive.Bus);
            opts.Add("unit", drive.Unit);
        }
        if (disk.Bootable && ctx.Has(QemuCapability.DriveBoot) && disk.Device is DiskDevice.Disk or DiskDevice.Lun && disk.Bus != DiskBus.Ide)
            opts.Add("boot", "on");
        var d = disk.Disk;
        if (d.ReadOnly && ctx.Has(QemuCapability.DriveReadonly)) opts.Add("readonly", "on");
        // Today's QEMU refuses a format for a drive without a medium (an empty USB CD-ROM beside -blockdev disks).
        if (d.Driver?.Format is { } format && d.Source is not DirDiskSource && ctx.Has(QemuCapability.DriveFormat)
            && !(disk.Source is null && ctx.Has(QemuCapability.Blockdev)))
            opts.Add("format", DiskXml.Format.ToXml(format));
        if (d.Geometry is { Cylinders: > 0, Heads: > 0, Sectors: > 0 } geometry && !ctx.Has(QemuCapability.DeviceGeometry))
        {
            opts.Add("cyls", geometry.Cylinders).Add("heads", geometry.Heads).Add("secs", geometry.Sectors);
            if (geometry.Translation is { } trans)
                opts.Add("trans", GeometryTranslationName(trans));
        }
        opts.Add("serial", disk.DriveSerial);
        opts.Add("cache", Cache(d, ctx));
        if (d.Driver?.CopyOnRead is { } cor && ctx.Has(QemuCapability.DriveCopyOnRead)) opts.AddOnOff("copy-on-read", cor);
        if (ctx.Has(QemuCapability.MonitorJson) && d.Driver?.ErrorPolicy is { } werror)
        {
            opts.Add("werror", ErrorPolicy(werror));
            var rerror = d.Driver.ReadErrorPolicy ?? (werror == DiskErrorPolicy.Enospace ? null : werror);
            if (rerror is { } r) opts.Add("rerror", ErrorPolicy(r));
        }
        else if (ctx.Has(QemuCapability.MonitorJson) && d.Driver?.ReadErrorPolicy is { } rerrorOnly)
        {
            opts.Add("rerror", ErrorPolicy(rerrorOnly));
        }
        if (d.Driver?.Io is { } io && ctx.Has(QemuCapability.DriveAio)) opts.Add("aio", io == DiskIo.Native ? "native" : "threads");
        if (d.IoTune is { } tune)
        {
            opts.Add("bps", tune.TotalBytesSec).Add("bps_rd", tune.ReadBytesSec).Add("bps_wr", tune.WriteBytesSec)
                .Add("iops", tune.TotalIopsSec).Add("iops_rd", tune.ReadIopsSec).Add("iops_wr", tune.WriteIopsSec);
        }
        args.Add("-drive");
        args.Add(opts.ToString());
        if (!useDevice) return;
        Device(disk, ctx, disk.DriveId, args);
    }

    /// <summary>The front end, taking <paramref name="driveId"/> (a <c>-drive</c> id or the graph's top node; null for an empty drive).</summary>
    private static void Device(PlannedDisk disk, QemuContext ctx, string? driveId, List<string> args)
    {
        if (disk.Bus == DiskBus.Fdc && disk.QemuType is { } floppy)
        {
            var controller = FloppyController(disk);
            args.Add("-device");
            var unit = disk.Drive?.Unit ?? 0;
            args.Add(new QemuOpts(floppy).Add("unit", unit).Add("drive", driveId).Add("id", disk.Alias).ToString());
            // The boot index stays a property of the controller (of its own -device on q35).
            if (disk.BootIndex is { } floppyBoot && ctx.Plan.FloppyController is null)
            {
                args.Add("-global");
                args.Add($"{controller}.bootindex{(unit == 1 ? "B" : "A")}={floppyBoot}");
            }
            return;
        }
        if (disk.Bus == DiskBus.Fdc)
        {
            var controller = FloppyController(disk);
            var letter = disk.Drive?.Unit == 1 ? "B" : "A";
            args.Add("-global");
            args.Add($"{controller}.drive{letter}={driveId}");
            if (disk.BootIndex is { } fdBoot)
            {
                args.Add("-global");
                args.Add($"{controller}.bootindex{letter}={fdBoot}");
            }
            return;
        }
        var type = disk.QemuType ?? throw new InvalidOperationException($"disk bus {disk.Bus} with -device passed validation");
        var opts = disk.Bus switch
        {
            DiskBus.Ide => new QemuOpts(type).Add("bus", $"ide.{disk.Drive?.Bus}").Add("unit", disk.Drive?.Unit),
            DiskBus.Sata => new QemuOpts(type).Add("bus", $"{SataBusId(disk, ctx)}.{disk.Drive?.Unit}"),
            DiskBus.Virtio => VirtioBlk(disk, type, ctx),
            DiskBus.Scsi => Scsi(disk, type),
            _ => new QemuOpts(type),
        };
        opts.Add("drive", driveId).Add("id", disk.Alias);
        if (disk.BootIndex is { } boot) opts.Add("bootindex", boot);
        if (disk.Disk.BlockIo is { } blockIo && ctx.Has(QemuCapability.Blockio))
            opts.Add("logical_block_size", blockIo.LogicalBlockSize).Add("physical_block_size", blockIo.PhysicalBlockSize);
        if (ctx.Has(QemuCapability.DeviceGeometry)) AddGeometry(opts, disk);
        // The schema allows the WWN with or without its 0x; the integer property needs it exactly once.
        opts.Add("wwn", disk.Disk.Wwn is { } wwn && ctx.Has(QemuCapability.WwnInteger)
            ? "0x" + (wwn.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? wwn[2..] : wwn)
            : disk.Disk.Wwn);
        opts.Add("serial", disk.DeviceSerial);
        if (disk.BlockGraph is { } graph) BlockGraphFrontEnd.AddProperties(opts, disk, graph);
        args.Add("-device");
        args.Add(opts.ToString());
    }

    private static string FloppyController(PlannedDisk disk) =>
        disk.GlobalController ?? throw new InvalidOperationException($"floppy {disk.Alias} has no controller in the plan");

    /// <summary>The id of the AHCI controller a SATA disk sits on: its planned alias (q35's built-in one is <c>ide</c>).</summary>
    private static string SataBusId(PlannedDisk disk, QemuContext ctx) =>
        ctx.Plan.Controllers.FirstOrDefault(p => p.Controller is SataController && p.Controller.Index == (disk.Drive?.Controller ?? 0))?.Alias
        ?? $"ahci{disk.Drive?.Controller}";

    /// <summary>The disk's geometry as properties of its device; only IDE and SATA disks take a BIOS translation.</summary>
    private static void AddGeometry(QemuOpts opts, PlannedDisk disk)
    {
        if (disk.Disk.Geometry is not { Cylinders: > 0, Heads: > 0, Sectors: > 0 } geometry) return;
        opts.Add("cyls", geometry.Cylinders).Add("heads", geometry.Heads).Add("secs", geometry.Sectors);
        if (geometry.Translation is { } trans && disk.Bus is DiskBus.Ide or DiskBus.Sata && disk.Device != DiskDevice.Cdrom)
            opts.Add("bios-chs-trans", GeometryTranslationName(trans));
    }

    private static string GeometryTranslationName(GeometryTranslation trans) => trans switch
    {
        GeometryTranslation.None => "none",
        GeometryTranslation.Lba => "lba",
        GeometryTranslation.Auto => "auto",
        _ => throw new InvalidOperationException($"unknown geometry translation {trans}"),
    };

    private static QemuOpts VirtioBlk(PlannedDisk disk, string type, QemuContext ctx)
    {
        var opts = new QemuOpts(type);
        // A vhost-user disk's queues live in its server: the front end has none of virtio-blk's block properties.
        if (type == Devices.QemuDeviceNames.VhostUserBlk) return PciEmitter.AddAddress(opts, disk.Pci, ctx.Plan.PciBuses);
        var driver = disk.Disk.Driver;
        if (driver?.IoEventFd is { } ioeventfd && ctx.Has(QemuCapability.VirtioBlkPciIoeventfd)) opts.AddOnOff("ioeventfd", ioeventfd);
        if (driver?.EventIdx is { } eventIdx && ctx.Has(QemuCapability.VirtioBlkPciEventIdx)) opts.AddOnOff("event_idx", eventIdx);
        if (ctx.Has(QemuCapability.VirtioBlkPciScsi)) opts.AddOnOff("scsi", disk.Device == DiskDevice.Lun);
        opts.Add("acpi-index", (long?)disk.Disk.AcpiIndex);
        return PciEmitter.AddAddress(opts, disk.Pci, ctx.Plan.PciBuses);
    }

    private static QemuOpts Scsi(PlannedDisk disk, string type) =>
        AddScsiAddress(new QemuOpts(type), disk.Drive ?? new DriveAddress { Controller = 0, Bus = 0, Target = 0, Unit = 0 }, disk.ScsiByTarget);

    /// <summary>
    /// A SCSI device's place on the guest's controller <c>scsiN</c>: its channel, target and LUN on a controller that
    /// addresses by target, else the unit as the SCSI id on the bus of the drive address's bus number (LSI's).
    /// </summary>
    internal static QemuOpts AddScsiAddress(QemuOpts opts, DriveAddress drive, bool byTarget) => byTarget
        ? opts.Add("bus", $"scsi{drive.Controller}.0").Add("channel", drive.Bus).Add("scsi-id", drive.Target).Add("lun", drive.Unit)
        : opts.Add("bus", $"scsi{drive.Controller}.{drive.Bus}").Add("scsi-id", drive.Unit);

    private static string? Cache(Disk d, QemuContext ctx)
    {
        if (d.Driver?.Cache is { } cache and not DiskCache.Default)
        {
            if (!ctx.Has(QemuCapability.DriveCacheV2)) return cache == DiskCache.Writeback ? "on" : "off";
            return cache switch
            {
                DiskCache.None => "none",
                DiskCache.Writethrough => "writethrough",
                DiskCache.Writeback => "writeback",
                DiskCache.Directsync => "directsync",
                DiskCache.Unsafe => "unsafe",
                _ => throw new InvalidOperationException($"unknown cache mode {cache}"),
            };
        }
        return d.Shareable && !d.ReadOnly ? "off" : null;
    }

    internal static string ErrorPolicy(DiskErrorPolicy policy) => policy switch
    {
        DiskErrorPolicy.Stop => "stop",
        DiskErrorPolicy.Report => "report",
        DiskErrorPolicy.Ignore => "ignore",
        DiskErrorPolicy.Enospace => "enospc",
        _ => throw new InvalidOperationException($"unknown error policy {policy}"),
    };

    private static string InterfaceName(DiskBus bus) => bus switch
    {
        DiskBus.Ide => "ide",
        DiskBus.Fdc => "floppy",
        DiskBus.Scsi => "scsi",
        DiskBus.Virtio => "virtio",
        DiskBus.Xen => "xen",
        DiskBus.Sd => "sd",
        _ => throw new InvalidOperationException($"disk bus {bus} on -drive passed validation"),
    };
}
