using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// The guest-visible devices of a domain as QEMU should show them, read from the domain and the
/// builder's plan (the same device types, aliases and PCI addresses the command line formats), so
/// that check finds whether QEMU made what the plan decided. Devices built into the machine (the first IDE
/// and floppy controllers, PS/2) and the ones QEMU has no device for (Xen consoles and framebuffers)
/// are not listed.
/// </summary>
public static class ExpectedDevices
{
    /// <summary>The expected devices of a domain that builds for this emulator and host (the plan is the builder's).</summary>
    public static ImmutableArray<ExpectedDevice> For(Domain domain, EmulatorDescription emulator, HostSettings host, QemuBuildOptions? options = null)
    {
        var built = QemuCommandBuilder.Build(domain, emulator, host, options);
        var plan = built.Plan ?? throw new InvalidOperationException(
            $"'{domain.Name}' does not build: {string.Join("; ", built.Diagnostics.Select(d => d.Message))}");
        return From(domain, plan);
    }

    /// <summary>The expected devices of a domain, read from the plan the builder made for it on this host.</summary>
    public static ImmutableArray<ExpectedDevice> From(Domain domain, QemuPlan plan)
    {
        var ctx = new PlanView(domain, plan);
        var list = new List<ExpectedDevice>();
        list.AddRange(ctx.Plan.Disks.Select(Disk));
        list.AddRange(ctx.Plan.Interfaces.Where(n => n.Interface is not HostdevInterface).Select(Nic));
        list.AddRange(ctx.Plan.Serials.Select(s => Port(s, DeviceKind.Serial)));
        list.AddRange(ctx.Plan.Parallels.Select(p => Port(p, DeviceKind.Parallel)));
        list.AddRange(ctx.Plan.Consoles.SelectMany(c => Console(c, ctx)));
        list.AddRange(ctx.Plan.Channels.Select(Channel));
        list.AddRange(Controllers(ctx));
        list.AddRange(Videos(ctx));
        list.AddRange(ctx.Plan.Sounds.SelectMany(Sound));
        if (ctx.Domain.Devices.Watchdog is { } watchdog && ctx.Plan.Watchdog is { } plannedWatchdog)
        {
            var model = WatchdogXml.Model.ToXml(watchdog.Model);
            list.Add(new ExpectedDevice
            {
                Kind = DeviceKind.Watchdog, Name = $"watchdog {model}",
                Id = plannedWatchdog.Alias, QemuType = plannedWatchdog.QemuType, Pci = Slot(plannedWatchdog.Pci),
            });
        }
        if (ctx.Plan.Balloon is { } balloon)
        {
            list.Add(new ExpectedDevice
            {
                Kind = DeviceKind.Memballoon, Name = "memballoon virtio",
                Id = balloon.Alias, QemuType = balloon.QemuType, Pci = Slot(balloon.Pci),
            });
        }
        list.AddRange(ctx.Plan.Inputs.Select(input => new ExpectedDevice
        {
            Kind = DeviceKind.Input, Name = $"input {(input.Input.Type == InputType.Tablet ? "tablet" : "mouse")} usb",
            Id = input.Alias, QemuType = input.QemuType,
        }));
        list.AddRange(ctx.Plan.Hubs.Select((hub, i) => new ExpectedDevice
        {
            Kind = DeviceKind.Hub, Name = $"hub usb {i}", Id = hub.Alias, QemuType = hub.QemuType,
        }));
        list.AddRange(ctx.Plan.RedirectedDevices.Select((redir, i) => new ExpectedDevice
        {
            Kind = DeviceKind.Redirdev, Name = $"redirdev usb {i} ({CharSourceXml.Type.ToXml(redir.Device.Source.Type)})",
            Id = redir.Alias, QemuType = redir.QemuType, Chardev = redir.CharAlias,
        }));
        list.AddRange(ctx.Plan.Filesystems.Select(fs => new ExpectedDevice
        {
            Kind = DeviceKind.Filesystem, Name = $"filesystem {fs.Filesystem.TargetDir} ({SourceDir(fs.Filesystem)})",
            Id = fs.Alias, QemuType = fs.QemuType, Pci = Slot(fs.Pci),
        }));
        if (ctx.Plan.Smartcard is { } card)
        {
            list.Add(new ExpectedDevice
            {
                Kind = DeviceKind.Smartcard, Name = $"smartcard {SmartcardModeXml.Table.ToXml(card.Card.Mode)}",
                Id = card.Alias, QemuType = card.QemuType, Chardev = card.CharAlias,
            });
        }
        list.AddRange(ctx.Plan.HostDevices.Select(h => new ExpectedDevice
        {
            Kind = DeviceKind.Hostdev, Name = $"hostdev {HostDeviceXml.SubsystemType.ToXml(h.Source.Type)} {h.Alias}",
            Id = h.Alias, QemuType = h.QemuType, Pci = Slot(h.Pci),
        }));
        return [.. list];
    }

    private static ExpectedDevice Disk(PlannedDisk disk)
    {
        var kind = disk.Device switch
        {
            DiskDevice.Cdrom => DeviceKind.Cdrom,
            DiskDevice.Floppy => DeviceKind.Floppy,
            _ => DeviceKind.Disk,
        };
        var source = disk.Source;
        // A filter above the image (copy-on-read, throttle) reports a json: file name, not the image's path.
        var local = disk.Disk.Source is FileDiskSource or BlockDiskSource && source is not null
            && (disk.BlockGraph is null || disk.BlockGraph.TopNode == disk.BlockGraph.ImageNode);
        var bus = disk.BusPrefix;
        var graph = disk.BlockGraph;
        return new ExpectedDevice
        {
            Kind = kind,
            Name = $"{DeviceKindNames.Name(kind)} {disk.Disk.Target.Dev} ({bus}, {source ?? "empty"})",
            // A floppy drive is placed by -global isa-fdc.driveA/B, without an id of its own (unless a -blockdev
            // graph's floppy device has one).
            Id = disk.Bus == DiskBus.Fdc && graph is null ? null : disk.Alias,
            // A floppy drive is checked through its block backend.
            QemuType = disk.Bus == DiskBus.Fdc && graph is null ? null : disk.QemuType,
            Pci = Slot(disk.Pci),
            // A vhost-user-blk device talks to its back end over a socket: QEMU holds no block node for it.
            Drive = disk.Disk.Source is VhostUserDiskSource ? null : graph is null ? disk.DriveId : graph.TopNode ?? "the empty drive of " + disk.Alias,
            BackendOfFrontEnd = graph is not null,
            Medium = source is null ? MediumExpectation.Empty : MediumExpectation.Inserted,
            MediumFile = local ? source : null,
        };
    }

    private static ExpectedDevice Nic(PlannedInterface nic)
    {
        var i = nic.Interface;
        // Without a model the NIC is the one the plan chose (QEMU's default).
        var model = i.Model ?? nic.QemuType;
        var type = QemuTypeAliases.Resolve(nic.QemuType);
        var mac = i.Mac?.ToString();
        return new ExpectedDevice
        {
            Kind = DeviceKind.Nic,
            Name = $"interface {InterfaceTypeXml.Table.ToXml(i.Type)} {mac ?? nic.Alias} ({model})",
            Id = nic.Alias, QemuType = type, Mac = mac, Pci = Slot(nic.Pci),
        };
    }

    private static ExpectedDevice Port(PlannedCharDevice port, DeviceKind kind)
    {
        var type = port.QemuType;
        var name = $"{DeviceKindNames.Name(kind)} {PortNumber(port)} ({SourceType(port.Device)})";
        // A pseries serial port is a spapr-vty without an id.
        return port.SpaprReg is not null
            ? new ExpectedDevice { Kind = kind, Name = name, QemuType = type, Chardev = port.CharAlias }
            : new ExpectedDevice { Kind = kind, Name = name, Id = port.Alias, QemuType = type, Chardev = port.CharAlias };
    }

    private static IEnumerable<ExpectedDevice> Console(PlannedCharDevice console, PlanView ctx)
    {
        var type = console.ConsoleTarget;
        if (type == ConsoleTargetType.Virtio)
        {
            yield return new ExpectedDevice
            {
                Kind = DeviceKind.Console, Name = $"console virtio {PortNumber(console)} ({SourceType(console.Device)})",
                Id = console.Alias, QemuType = console.QemuType, Chardev = console.CharAlias,
            };
        }
        else if (type == ConsoleTargetType.Serial && ctx.Plan.Serials.FirstOrDefault() is { } serial && serial.SpaprReg is null)
        {
            // libvirt's serial console is the first serial port itself.
            yield return new ExpectedDevice
            {
                Kind = DeviceKind.Console, Name = $"console serial {PortNumber(console)} (on {serial.Alias})",
                Id = serial.Alias, QemuType = serial.QemuType, Chardev = serial.CharAlias,
            };
        }
    }

    private static ExpectedDevice Channel(PlannedCharDevice channel)
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
        return new ExpectedDevice
        {
            Kind = DeviceKind.Channel, Name = $"channel virtio {name ?? channel.Alias} ({source})",
            Id = channel.Alias, QemuType = channel.QemuType, Chardev = channel.HasChardev ? channel.CharAlias : null,
        };
    }

    private static IEnumerable<ExpectedDevice> Controllers(PlanView ctx)
    {
        if (!ctx.Plan.UseDevice) yield break;
        foreach (var planned in ctx.Plan.Controllers)
        {
            var c = planned.Controller;
            var name = $"controller {ControllerXml.Type.ToXml(c.Type)} {c.Index}";
            // IDE and floppy are built into the machine; a 'none' USB controller has nothing to find.
            if (planned.QemuType is not { } type) continue;
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

    private static IEnumerable<ExpectedDevice> Videos(PlanView ctx)
    {
        var videos = ctx.Plan.Videos;
        if (videos.IsEmpty) yield break;
        foreach (var video in videos)
        {
            var model = VideoModelXml.Table.ToXml(video.Model);
            var name = $"video {model}{(video.IsPrimary ? " (primary)" : "")}";
            if (!video.IsPrimary)
            {
                yield return new ExpectedDevice { Kind = DeviceKind.Video, Name = name, Id = video.Alias, QemuType = video.QemuType, Pci = Slot(video.Pci) };
                continue;
            }
            if (video.QemuType is { } type)
            {
                yield return new ExpectedDevice { Kind = DeviceKind.Video, Name = name, Id = video.Alias, QemuType = type, Pci = Slot(video.Pci) };
            }
            else if (video.BuiltInType is { } builtIn)
            {
                // -vga makes the card without an id: an instance of its type, and a display function where the plan put it.
                yield return new ExpectedDevice { Kind = DeviceKind.Video, Name = name, QemuType = builtIn, Pci = Slot(video.Pci), PciClass = DisplayPciClass };
            }
            // Xen's framebuffer is not a QEMU device of a PC.
        }
    }

    private static IEnumerable<ExpectedDevice> Sound(PlannedSound sound)
    {
        var model = SoundXml.Model.ToXml(sound.Sound.Model);
        if (sound.BuiltInType is { } builtIn)
        {
            // The PC speaker is part of every PC machine; -soundhw pcspk only gives it a voice.
            yield return new ExpectedDevice { Kind = DeviceKind.Sound, Name = $"sound {model}", QemuType = builtIn };
            yield break;
        }
        yield return new ExpectedDevice { Kind = DeviceKind.Sound, Name = $"sound {model}", Id = sound.Alias, QemuType = sound.QemuType, Pci = Slot(sound.Pci) };
        foreach (var codec in sound.Codecs)
        {
            yield return new ExpectedDevice
            {
                Kind = DeviceKind.Sound, Name = $"sound ich6 codec {SoundXml.Codec.ToXml(codec.Codec)} ({sound.Alias})",
                Id = codec.Alias, QemuType = codec.QemuType,
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

    /// <summary>What the expectations are read from: the domain, the builder's plan and the host it planned for.</summary>
    private sealed record PlanView(Domain Domain, QemuPlan Plan);
}
