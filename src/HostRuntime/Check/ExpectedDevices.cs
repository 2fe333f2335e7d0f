using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Emit;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// The guest-visible devices of a domain as QEMU should show them, read from the domain and the
/// builder's plan (the same aliases and PCI addresses the command line uses). The QOM types are
/// derived here from the domain's models, not read back from the command line, so that a wrong
/// model on the command line shows as a wrong type. Devices built into the machine (the first IDE
/// and floppy controllers, PS/2) and the ones QEMU has no device for (Xen consoles and framebuffers)
/// are not listed.
/// </summary>
public static class ExpectedDevices
{
    /// <summary>The expected devices of a domain that builds for this emulator and host (the plan is the builder's).</summary>
    public static ImmutableArray<ExpectedDevice> For(Domain domain, EmulatorDescription emulator, HostSettings host, QemuBuildOptions? options = null)
    {
        options ??= QemuBuildOptions.Default;
        var plan = QemuPlanner.Plan(domain, emulator, host, options);
        return From(new QemuContext(domain, emulator, host, options, plan));
    }

    internal static ImmutableArray<ExpectedDevice> From(QemuContext ctx)
    {
        var list = new List<ExpectedDevice>();
        list.AddRange(ctx.Plan.Disks.Select(d => Disk(d, ctx)));
        list.AddRange(ctx.Plan.Interfaces.Where(n => n.Interface is not HostdevInterface).Select(n => Nic(n, ctx)));
        list.AddRange(ctx.Plan.Serials.Select(s => Port(s, DeviceKind.Serial, "isa-serial")));
        list.AddRange(ctx.Plan.Parallels.Select(p => Port(p, DeviceKind.Parallel, "isa-parallel")));
        list.AddRange(ctx.Plan.Consoles.SelectMany(c => Console(c, ctx)));
        list.AddRange(ctx.Plan.Channels.Select(c => Channel(c, ctx)));
        list.AddRange(Controllers(ctx));
        list.AddRange(Videos(ctx));
        list.AddRange(ctx.Plan.Sounds.SelectMany(Sound));
        if (ctx.Domain.Devices.Watchdog is { } watchdog && ctx.Plan.Watchdog is { } plannedWatchdog)
        {
            var model = WatchdogXml.Model.ToXml(watchdog.Model);
            list.Add(new ExpectedDevice
            {
                Kind = DeviceKind.Watchdog, Name = $"watchdog {model}",
                Id = plannedWatchdog.Alias, QemuType = model, Pci = Slot(plannedWatchdog.Pci),
            });
        }
        if (ctx.Plan.Balloon is { } balloon)
        {
            list.Add(new ExpectedDevice
            {
                Kind = DeviceKind.Memballoon, Name = "memballoon virtio",
                Id = balloon.Alias, QemuType = "virtio-balloon-pci", Pci = Slot(balloon.Pci),
            });
        }
        list.AddRange(Inputs(ctx));
        list.AddRange(ctx.Domain.Devices.Hubs.Select((hub, i) => new ExpectedDevice
        {
            Kind = DeviceKind.Hub, Name = $"hub usb {i}", Id = hub.Alias ?? $"hub{i}", QemuType = "usb-hub",
        }));
        list.AddRange(ctx.Domain.Devices.RedirectedDevices.Select((redir, i) =>
        {
            var alias = redir.Alias ?? $"redir{i}";
            return new ExpectedDevice
            {
                Kind = DeviceKind.Redirdev, Name = $"redirdev usb {i} ({CharSourceXml.Type.ToXml(redir.Source.Type)})",
                Id = alias, QemuType = "usb-redir", Chardev = "char" + alias,
            };
        }));
        list.AddRange(ctx.Plan.Filesystems.Select(fs => new ExpectedDevice
        {
            Kind = DeviceKind.Filesystem, Name = $"filesystem {fs.Filesystem.TargetDir} ({SourceDir(fs.Filesystem)})",
            Id = fs.Alias, QemuType = "virtio-9p-pci", Pci = Slot(fs.Pci),
        }));
        if (ctx.Domain.Devices.Smartcards is [var card])
        {
            var alias = card.Alias ?? "smartcard0";
            list.Add(new ExpectedDevice
            {
                Kind = DeviceKind.Smartcard, Name = $"smartcard {SmartcardModeXml.Table.ToXml(card.Mode)}",
                Id = alias, QemuType = card is PassthroughSmartcard ? "ccid-card-passthru" : "ccid-card-emulated",
                Chardev = card is PassthroughSmartcard ? "char" + alias : null,
            });
        }
        list.AddRange(ctx.Plan.HostDevices.Select(h => new ExpectedDevice
        {
            Kind = DeviceKind.Hostdev, Name = $"hostdev {(h.Source is UsbHostDeviceSource ? "usb" : "pci")} {h.Alias}",
            Id = h.Alias, QemuType = h.Source is UsbHostDeviceSource ? "usb-host" : "pci-assign", Pci = Slot(h.Pci),
        }));
        return [.. list];
    }

    private static ExpectedDevice Disk(PlannedDisk disk, QemuContext ctx)
    {
        var kind = disk.Device switch
        {
            DiskDevice.Cdrom => DeviceKind.Cdrom,
            DiskDevice.Floppy => DeviceKind.Floppy,
            _ => DeviceKind.Disk,
        };
        var source = DiskEmitter.SourceText(disk, ctx.Host);
        var local = disk.Disk.Source is FileDiskSource or BlockDiskSource && source is not null;
        var bus = QemuPlanner.DiskBusPrefix(disk.Bus);
        return new ExpectedDevice
        {
            Kind = kind,
            Name = $"{DeviceKindNames.Name(kind)} {disk.Disk.Target.Dev} ({bus}, {source ?? "empty"})",
            // A floppy drive is placed by -global isa-fdc.driveA/B, without an id of its own.
            Id = disk.Bus == DiskBus.Fdc ? null : disk.Alias,
            QemuType = DiskType(disk, ctx),
            Pci = Slot(disk.Pci),
            Drive = "drive-" + disk.Alias,
            Medium = source is null ? MediumExpectation.Empty : MediumExpectation.Inserted,
            MediumFile = local ? source : null,
        };
    }

    /// <summary>The QOM type of a disk's front end, as the bus and device of the disk ask for it.</summary>
    private static string? DiskType(PlannedDisk disk, QemuContext ctx)
    {
        var cdrom = disk.Device == DiskDevice.Cdrom;
        var s390 = ctx.Plan.Machine.StartsWith("s390", StringComparison.Ordinal);
        return disk.Bus switch
        {
            DiskBus.Ide or DiskBus.Sata => !ctx.Has(QemuCapability.IdeCd) ? "ide-drive" : cdrom ? "ide-cd" : "ide-hd",
            DiskBus.Virtio => s390 ? "virtio-blk-s390" : "virtio-blk-pci",
            DiskBus.Usb => "usb-storage",
            DiskBus.Scsi => disk.Device switch
            {
                DiskDevice.Lun => "scsi-block",
                DiskDevice.Cdrom when ctx.Has(QemuCapability.ScsiCd) => "scsi-cd",
                DiskDevice.Disk when ctx.Has(QemuCapability.ScsiCd) => "scsi-hd",
                _ => "scsi-disk",
            },
            _ => null, // floppy: the drive is checked through its block backend
        };
    }

    private static ExpectedDevice Nic(PlannedInterface nic, QemuContext ctx)
    {
        var i = nic.Interface;
        var model = i.Model ?? "rtl8139";
        var s390 = ctx.Plan.Machine.StartsWith("s390", StringComparison.Ordinal);
        var type = model == "virtio" ? (s390 ? "virtio-net-s390" : "virtio-net-pci") : QemuTypeAliases.Resolve(model);
        var mac = i.Mac?.ToString();
        return new ExpectedDevice
        {
            Kind = DeviceKind.Nic,
            Name = $"interface {InterfaceTypeXml.Table.ToXml(i.Type)} {mac ?? nic.Alias} ({model})",
            Id = nic.Alias, QemuType = type, Mac = mac, Pci = Slot(nic.Pci),
        };
    }

    private static ExpectedDevice Port(PlannedCharDevice port, DeviceKind kind, string type)
    {
        var name = $"{DeviceKindNames.Name(kind)} {PortNumber(port)} ({SourceType(port.Device)})";
        // A pseries serial port is a spapr-vty without an id.
        return port.SpaprReg is not null
            ? new ExpectedDevice { Kind = kind, Name = name, QemuType = "spapr-vty", Chardev = port.CharAlias }
            : new ExpectedDevice { Kind = kind, Name = name, Id = port.Alias, QemuType = type, Chardev = port.CharAlias };
    }

    private static IEnumerable<ExpectedDevice> Console(PlannedCharDevice console, QemuContext ctx)
    {
        var target = console.Device.Target as ConsoleTarget;
        var type = target?.Type ?? (ctx.Host.DefaultConsoleTargetType == "serial" ? ConsoleTargetType.Serial : null);
        if (type == ConsoleTargetType.Virtio)
        {
            yield return new ExpectedDevice
            {
                Kind = DeviceKind.Console, Name = $"console virtio {PortNumber(console)} ({SourceType(console.Device)})",
                Id = console.Alias, QemuType = "virtconsole", Chardev = console.CharAlias,
            };
        }
        else if (type == ConsoleTargetType.Serial && ctx.Plan.Serials.FirstOrDefault() is { } serial && serial.SpaprReg is null)
        {
            // libvirt's serial console is the first serial port itself.
            yield return new ExpectedDevice
            {
                Kind = DeviceKind.Console, Name = $"console serial {PortNumber(console)} (on {serial.Alias})",
                Id = serial.Alias, QemuType = "isa-serial", Chardev = serial.CharAlias,
            };
        }
    }

    private static ExpectedDevice Channel(PlannedCharDevice channel, QemuContext ctx)
    {
        var source = SourceType(channel.Device);
        if (channel.Device.Target is GuestfwdChannelTarget fwd)
        {
            return new ExpectedDevice
            {
                Kind = DeviceKind.Channel, Name = $"channel guestfwd {fwd.Address}:{fwd.Port} ({source})", Chardev = channel.CharAlias,
            };
        }
        var name = (channel.Device.Target as VirtioChannelTarget)?.Name;
        var legacySpice = ChannelEmitter.UsesLegacySpicevmcDevice(channel.Device, ctx);
        return new ExpectedDevice
        {
            Kind = DeviceKind.Channel, Name = $"channel virtio {name ?? channel.Alias} ({source})",
            Id = channel.Alias, QemuType = legacySpice ? "spicevmc" : "virtserialport", Chardev = legacySpice ? null : channel.CharAlias,
        };
    }

    private static IEnumerable<ExpectedDevice> Controllers(QemuContext ctx)
    {
        if (!ctx.Plan.UseDevice) yield break;
        var s390 = ctx.Plan.Machine.StartsWith("s390", StringComparison.Ordinal);
        foreach (var planned in ctx.Plan.Controllers)
        {
            var c = planned.Controller;
            var name = $"controller {ControllerXml.Type.ToXml(c.Type)} {c.Index}";
            string? type = c switch
            {
                UsbController usb when UsbPlanning.EmitsAsDevice(usb, ctx.Emulator, ctx.Plan.UseDevice) =>
                    ControllerEmitter.UsbDeviceName(usb.Model ?? UsbControllerModel.Piix3Uhci),
                ScsiController scsi => ControllerEmitter.ScsiDeviceName(ControllerPlanning.EffectiveScsiModel(scsi, ctx.Plan.Machine)),
                SataController => "ahci",
                CcidController => "usb-ccid",
                VirtioSerialController => s390 ? "virtio-serial-s390" : "virtio-serial-pci",
                _ => null, // IDE and floppy are built into the machine; a 'none' USB controller has nothing to find
            };
            if (type is null) continue;
            // USB companions attach to their master without an id of their own; pseries' virtual SCSI has no PCI address.
            var anonymous = planned.Master is not null;
            yield return new ExpectedDevice
            {
                Kind = DeviceKind.Controller,
                Name = c is UsbController { Model: { } model } ? $"{name} ({ControllerXml.UsbModel.ToXml(model)})" : name,
                Id = anonymous ? null : planned.Alias,
                QemuType = QemuTypeAliases.Resolve(type),
                Pci = planned.SpaprReg is null ? Slot(planned.Pci) : null,
            };
        }
        if (ctx.Plan.Usb)
        {
            // -usb switches on the machine's own USB controller (the PIIX3's UHCI on a PC).
            yield return new ExpectedDevice { Kind = DeviceKind.Controller, Name = "controller usb 0 (built in, -usb)", PciClass = UsbPciClass };
        }
    }

    private const ushort DisplayPciClass = 0x0300;
    private const ushort UsbPciClass = 0x0c03;

    private static IEnumerable<ExpectedDevice> Videos(QemuContext ctx)
    {
        var videos = ctx.Plan.Videos;
        if (videos.IsEmpty) yield break;
        var allAsDevices = VideoSyntax.PrimaryAsDevice(videos[0].Model, ctx.Emulator);
        foreach (var video in videos)
        {
            var model = VideoModelXml.Table.ToXml(video.Model);
            var name = $"video {model}{(video.IsPrimary ? " (primary)" : "")}";
            if (!video.IsPrimary)
            {
                yield return new ExpectedDevice { Kind = DeviceKind.Video, Name = name, Id = video.Alias, QemuType = "qxl", Pci = Slot(video.Pci) };
                continue;
            }
            // Xen's framebuffer is not a QEMU device of a PC.
            if (VideoSyntax.PrimaryDeviceName(video.Model) is not { } type) continue;
            yield return allAsDevices
                ? new ExpectedDevice { Kind = DeviceKind.Video, Name = name, Id = video.Alias, QemuType = type, Pci = Slot(video.Pci) }
                // -vga makes the card without an id: an instance of its type, and a display function where the plan put it.
                : new ExpectedDevice { Kind = DeviceKind.Video, Name = name, QemuType = type, Pci = Slot(video.Pci), PciClass = DisplayPciClass };
        }
    }

    private static IEnumerable<ExpectedDevice> Sound(PlannedSound sound)
    {
        var model = SoundXml.Model.ToXml(sound.Sound.Model);
        if (sound.Sound.Model == SoundModel.Pcspk)
        {
            // The PC speaker is part of every PC machine; -soundhw pcspk only gives it a voice.
            yield return new ExpectedDevice { Kind = DeviceKind.Sound, Name = "sound pcspk", QemuType = "isa-pcspk" };
            yield break;
        }
        var type = sound.Sound.Model switch
        {
            SoundModel.Sb16 => "sb16",
            SoundModel.Es1370 => "ES1370",
            SoundModel.Ac97 => "AC97",
            SoundModel.Ich6 => "intel-hda",
            _ => throw new InvalidOperationException($"unknown sound model {sound.Sound.Model}"),
        };
        yield return new ExpectedDevice { Kind = DeviceKind.Sound, Name = $"sound {model}", Id = sound.Alias, QemuType = type, Pci = Slot(sound.Pci) };
        if (sound.Sound.Model != SoundModel.Ich6) yield break;
        var codecs = sound.Sound.Codecs.IsEmpty ? [SoundCodec.Duplex] : sound.Sound.Codecs;
        for (var cad = 0; cad < codecs.Length; cad++)
        {
            yield return new ExpectedDevice
            {
                Kind = DeviceKind.Sound, Name = $"sound ich6 codec {SoundXml.Codec.ToXml(codecs[cad])} ({sound.Alias})",
                Id = $"{sound.Alias}-codec{cad}", QemuType = SoundEmitter.CodecName(codecs[cad]),
            };
        }
    }

    private static IEnumerable<ExpectedDevice> Inputs(QemuContext ctx)
    {
        var inputs = ctx.Domain.Devices.Inputs;
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            if (input.Bus != InputBus.Usb) continue; // PS/2 is the machine's own i8042; Xen inputs are not QEMU devices
            var kind = input.Type == InputType.Tablet ? "tablet" : "mouse";
            yield return new ExpectedDevice
            {
                Kind = DeviceKind.Input, Name = $"input {kind} usb", Id = input.Alias ?? $"input{i}", QemuType = "usb-" + kind,
            };
        }
    }

    private static string PortNumber(PlannedCharDevice device) => device.Device.Target switch
    {
        SerialTarget { Port: { } p } => p.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ParallelTarget { Port: { } p } => p.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ConsoleTarget { Port: { } p } => p.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => device.Alias,
    };

    private static string SourceType(CharDevice device) =>
        device.Source is { } source ? CharSourceXml.Type.ToXml(source.Type) : "no source";

    private static string SourceDir(Filesystem fs) => fs.Source switch
    {
        MountFilesystemSource m => m.Dir,
        _ => fs.Source.GetType().Name,
    };

    private static PciSlot? Slot(PciAddress? pci) =>
        pci is null ? null : new PciSlot(pci.Bus ?? 0, pci.Slot ?? 0, pci.Function ?? 0);
}
