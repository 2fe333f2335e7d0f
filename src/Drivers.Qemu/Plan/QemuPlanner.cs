using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Cpu;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Plan.Blockdev;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Decides, once, every default and derived value of a validated domain: machine, memory, vCPUs,
/// boot order, aliases, drive and PCI addresses, and libvirt's implicit devices.
/// </summary>
internal static class QemuPlanner
{
    /// <summary>
    /// The plan of a validated domain, or none when the guest CPU it asks for cannot be had. The domain
    /// comes without its root bus (<see cref="ImplicitRootBus"/>); <paramref name="rootBusHotplug"/> is what that bus said.
    /// </summary>
    public static QemuPlanResult Plan(Domain domain, EmulatorDescription emulator, HostSettings host, QemuBuildOptions options, bool? rootBusHotplug)
    {
        // The guest CPU is decided against the host CPU and the emulator's models; it may refuse.
        var cpu = CpuArguments.Build(CpuRequest.For(domain, emulator, host, migrating: options.MigrateFrom is not null,
            accelerator: Accelerator(domain, emulator, options), refuseUnfit: options.RefuseUnfit));
        if (!cpu.Succeeded) return new QemuPlanResult(null, cpu.Diagnostics);
        // Looked up once: a recorded emulator lists hundreds of machines.
        var machine = MachineOf(domain, emulator);
        // The firmware first: it reads no device's plan, and a refused firmware spares planning the devices.
        var (firmware, firmwareRefusals) = FirmwarePlanning.Plan(domain, emulator, host, machine);
        if (firmwareRefusals.Count > 0) return new QemuPlanResult(null, [.. cpu.Diagnostics, .. firmwareRefusals]);
        var pci = PciPlacement.For(domain, emulator, machine);
        var plan = Devices(domain, emulator, host, options, cpu, pci, machine, firmware, rootBusHotplug);
        // A device that found no PCI slot is refused; the plan is not used.
        if (pci.Refusals.Count > 0) return new QemuPlanResult(null, [.. cpu.Diagnostics, .. pci.Refusals]);
        return new QemuPlanResult(plan, cpu.Diagnostics);
    }

    /// <summary>
    /// How many boot devices there are: their values are 0 to this less one. The last one's value plus one, not
    /// Enum.GetValues: that reads the enum's reflection metadata, which cost a one-shot command ~10 page faults of the
    /// runtime's type loader in its first plan (QemuPlanTests checks that this covers every boot device).
    /// </summary>
    internal const int BootDeviceCount = (int)BootDevice.Network + 1;

    /// <summary>The accelerator of an emulator with <c>-accel</c>: the user's choice, else KVM for a kvm domain and TCG otherwise.</summary>
    private static QemuAccelerator? Accelerator(Domain domain, EmulatorDescription emulator, QemuBuildOptions options) =>
        emulator.Has(QemuCapability.Accel)
            ? options.Accelerator ?? (domain.Type == DomainType.Kvm ? QemuAccelerator.Kvm : QemuAccelerator.Tcg)
            : null;

    /// <summary>
    /// The plan, made once: a plan is a large record, and one copied to add the firmware, the machine options and the
    /// PCI buses was ~250 bytes more per document.
    /// </summary>
    private static QemuPlan Devices(Domain domain, EmulatorDescription emulator, HostSettings host, QemuBuildOptions options, CpuArgumentsResult cpu, IPciAddressAssigner pci,
        string machine, PlannedFirmware? firmware, bool? rootBusHotplug)
    {
        var useDevice = emulator.Has(QemuCapability.Device);
        // The one place the machine family is read: s390 machines carry virtio on their own bus, not PCI.
        var s390 = machine.StartsWith("s390", StringComparison.Ordinal);
        var transport = s390 ? VirtioTransport.S390 : VirtioTransport.Pci;
        var usePci = useDevice && options.AssignPciAddresses && transport == VirtioTransport.Pci;
        ReserveGivenAddresses(domain, pci);
        // One object for every device family's planner: no lambda below captures this method's locals, each of which
        // was a delegate, and all of them a closure, made for every document.
        var slots = new PciSlots(pci, usePci);

        var (bootOption, emitBootIndex) = Boot(domain, emulator);
        var bootDevices = EffectiveBootDevices(domain);
        // Each boot device's index (from 1; 0 for none or taken), by its value: a few numbers, where a dictionary was
        // three objects per document.
        var bootIndexOf = new uint[BootDeviceCount];
        if (emitBootIndex || emulator.Has(QemuCapability.DriveBoot))
        {
            for (var i = 0; i < bootDevices.Length; i++)
                if (bootIndexOf[(int)bootDevices[i]] == 0) bootIndexOf[(int)bootDevices[i]] = (uint)(i + 1);
        }
        uint? TakeBoot(BootDevice device)
        {
            var index = bootIndexOf[(int)device];
            if (index == 0) return null;
            bootIndexOf[(int)device] = 0;
            return index;
        }

        // libvirt hands out PCI slots to filesystems first, then NICs, controllers, virtio disks, the balloon.
        // The builders below of the exact size, one item per device: ToImmutable then copies no more than the items, and a
        // domain without such devices gets an empty array (the default capacity was an array of 8 for each list, most empty).
        var filesystems = ImmutableArray.CreateBuilder<PlannedFilesystem>(domain.Devices.Filesystems.Length);
        for (var i = 0; i < domain.Devices.Filesystems.Length; i++)
        {
            var fs = domain.Devices.Filesystems[i];
            var transitional = fs.Model == DiskModel.VirtioTransitional;
            var nineP = QemuDeviceNames.VirtioPci(QemuDeviceNames.Virtio9p, transitional, fs.Model == DiskModel.VirtioNonTransitional);
            filesystems.Add(VirtiofsPlanning.Plan(
                new PlannedFilesystem(fs, nineP, fs.Alias ?? $"fs{i}", slots.Place(fs.Address, fs.Location, "the filesystem", kind: PciSlotKinds.Virtio(transitional))),
                domain.Name, host, emitBootIndex));
        }

        var interfaces = ImmutableArray.CreateBuilder<PlannedInterface>(domain.Devices.Interfaces.Length);
        // The aliases libvirt makes (netN) are numbered among the NICs without a user's alias (ua-...), and the
        // back end is named after the front end (hostnet0 for net0, hostua-lan for ua-lan), as libvirt 9 names them.
        // A host device NIC takes its number too, as in libvirt 0.10.2 (its alias is hostdevN all the same).
        var numbered = 0;
        for (var i = 0; i < domain.Devices.Interfaces.Length; i++)
        {
            var nic = domain.Devices.Interfaces[i];
            var alias = nic.Alias ?? $"net{numbered++}";
            interfaces.Add(new PlannedInterface(nic, i, alias, "host" + alias, slots.Place(nic.Address, nic.Location, "the interface", kind: PciSlotKinds.OfInterface(nic)))
            {
                QemuType = NicType(nic, transport),
                BootIndex = emitBootIndex ? nic.BootOrder ?? TakeBoot(BootDevice.Network) : null,
                PasstSocket = NetworkBackendPlanning.PasstSocket(nic, alias, domain.Name, host),
            });
        }

        // PCI slots go in libvirt's order: primary video (slot 2), NICs, sound cards, controllers,
        // disks, balloon, watchdog, then the remaining video cards.
        var primaryVideoSlot = usePci ? pci.PrimaryVideoSlot : null;
        var audiodevs = emulator.Has(QemuCapability.Audiodev) ? AudioPlanning.Plan(domain) : [];
        var sounds = IndexedPlans.Of(domain.Devices.Sounds, (slots, audiodevs), static (s, i, state) =>
            SoundPlanning.Plan(s, s.Alias ?? $"sound{i}", state.slots.Place(s.Address, s.Location, "the sound card", SoundPlanning.IsPci(s.Model), PciSlotKind.Conventional),
                AudioPlanning.BackendOf(s.AudioId, state.audiodevs)));

        var spaprRegs = new SpaprVioRegisters(domain);
        var controllers = ControllerPlanning.Plan(domain, machine, transport, emulator, useDevice, usePci, pci, spaprRegs);

        var disks = ImmutableArray.CreateBuilder<PlannedDisk>(domain.Devices.Disks.Length);
        var blockGraphs = emulator.Has(QemuCapability.Blockdev) ? new Blockdev.BlockGraphPlanning(host, domain.Name) : null;
        foreach (var disk in InBusOrder(domain.Devices.Disks))
        {
            var device = disk.Device ?? DiskDevice.Disk;
            var bus = DiskTargetNames.BusOf(disk);
            var index = DiskTargetNames.Index(disk.Target.Dev);
            var drive = WithZeroDefaults(disk.Address as DriveAddress) ?? DiskTargetNames.DefaultAddress(bus, index);
            var boot = TakeBoot(device switch
            {
                DiskDevice.Cdrom => BootDevice.Cdrom,
                DiskDevice.Floppy => BootDevice.Floppy,
                _ => BootDevice.HardDisk,
            });
            var qemuType = DiskType(bus, device, emulator, transport);
            if (disk.Source is VhostUserDiskSource && blockGraphs is not null) qemuType = QemuDeviceNames.VhostUserBlk;
            var serialPlace = DiskSerialPlacement.Of(bus, qemuType, emulator);
            // <disk model='virtio-transitional|virtio-non-transitional'> picks the PCI device's form; the transitional one is conventional PCI.
            var transitional = disk.Model == DiskModel.VirtioTransitional;
            if (qemuType == "virtio-blk-pci")
                qemuType = QemuDeviceNames.VirtioPci(qemuType, transitional, disk.Model == DiskModel.VirtioNonTransitional);
            // Made once for the front end and the block graph: each is a formatted string.
            var alias = disk.Alias ?? DiskAlias(bus, index, drive, domain);
            disks.Add(new PlannedDisk(disk, bus, device, index, alias,
                drive, bus == DiskBus.Virtio ? slots.Place(disk.Address, disk.Location, "the disk", kind: PciSlotKinds.Virtio(transitional)) : null)
            {
                DriveSerial = serialPlace == DiskSerialPlace.Drive ? disk.Serial : null,
                DeviceSerial = serialPlace == DiskSerialPlace.Device ? disk.Serial : null,
                BootIndex = emitBootIndex ? disk.BootOrder ?? boot : null,
                Bootable = !emitBootIndex && boot is not null && domain.Os?.Kernel is null,
                QemuType = qemuType,
                GlobalController = bus == DiskBus.Fdc ? QemuDeviceNames.FloppyController : null,
                MediaCdrom = device == DiskDevice.Cdrom && !FrontEndSaysCdrom(bus, useDevice, emulator),
                ScsiByTarget = bus == DiskBus.Scsi && ScsiUsesTarget(domain, drive?.Controller ?? 0),
                Source = DiskSources.Text(disk, device, host, blockGraph: blockGraphs is not null),
                BusPrefix = DiskBusPrefix(bus),
                BlockGraph = EmptyUsbDrive(blockGraphs?.Plan(disk, device, alias), bus),
            });
        }

        var hostDevices = HostDevicePlanning.Plan(domain, interfaces.ToImmutable(), slots, emitBootIndex, emulator, host);

        // s390-virtio machines have no balloon device: libvirt drops it when QEMU has virtio-s390.
        var s390Virtio = s390 && machine.AsSpan("s390".Length).StartsWith("-virtio", StringComparison.Ordinal) && emulator.Has(QemuCapability.VirtioS390);
        var balloonModel = s390Virtio ? MemBalloonModel.None : domain.Devices.MemBalloon?.Model ?? MemBalloonModel.Virtio;
        PlannedDevice? balloon = balloonModel is MemBalloonModel.Virtio or MemBalloonModel.VirtioTransitional or MemBalloonModel.VirtioNonTransitional
            ? new PlannedDevice(VirtioDeviceTypes.Pci("virtio-balloon-pci", BalloonFlavour(balloonModel)), domain.Devices.MemBalloon?.Alias ?? "balloon0", slots.Place(domain.Devices.MemBalloon?.Address, domain.Devices.MemBalloon?.Location ?? domain.Location, "the memory balloon"))
            : null;

        var watchdog = domain.Devices.Watchdog is { } w
            ? new PlannedDevice(WatchdogXml.Model.ToXml(w.Model), w.Alias ?? "watchdog0", slots.Place(w.Address, w.Location, "the watchdog", SoundPlanning.IsPci(w.Model), PciSlotKind.Conventional))
            : null;
        var videoSyntax = VideoPlanning.Syntax(domain, emulator);
        var videos = VideoPlanning.Plan(domain, emulator, host, slots, primaryVideoSlot, videoSyntax);
        var misc = Misc.MiscDevicePlanning.Plan(domain, host, options, slots);

        var virtioInputs = InputPlanning.Virtio(domain, slots);

        var json = host.Monitor.Json ?? emulator.Has(QemuCapability.MonitorJson);
        PlannedMemory? memory = null;
        return new QemuPlan
        {
            Machine = machine,
            MemoryMiB = ((domain.Memory ?? domain.CurrentMemory ?? default).Kibibytes + 1023) / 1024,
            Vcpus = domain.Vcpu?.Current ?? domain.Vcpu?.Count ?? 1,
            MaxVcpus = domain.Vcpu?.Count ?? 1,
            Cpu = cpu,
            VirtioTransport = transport,
            Accelerator = Accelerator(domain, emulator, options),
            // A daemonized QEMU refuses -nographic; beside -nodefaults (given with -device) it only means -display none.
            Display = !domain.Devices.Graphics.IsEmpty ? QemuDisplayMode.Graphics
                : options.Daemonized && useDevice ? QemuDisplayMode.DisplayNone
                : QemuDisplayMode.NoGraphic,
            Graphics = GraphicsPlanning.Plan(domain, emulator, host, audiodevs),
            VideoSyntax = videoSyntax,
            UseDevice = useDevice,
            JsonMonitor = json,
            MonitorPath = host.Monitor.PathFor(domain.Name, host.LibDirectory),
            // Without -compat the setting is left out, as libvirt leaves it (GeneralChecks warns).
            Compat = domain.QemuDeprecation is { } deprecation && emulator.Has(QemuCapability.CompatDeprecated) ? PlannedCompat.For(deprecation.Behavior) : null,
            BootOption = bootOption,
            EmitBootIndex = emitBootIndex,
            Disks = disks.ToImmutable(),
            FloppyController = Blockdev.FloppyControllerPlanning.Plan(disks, machine, emulator),
            Interfaces = interfaces.ToImmutable(),
            Controllers = controllers,
            HostDevices = hostDevices,
            // CreateRange with a selector: each list in one array of its size, not enumerated and copied twice.
            Serials = PlannedSerials(domain, host, machine, spaprRegs, slots),
            Parallels = PlannedParallels(domain),
            Channels = PlannedChannels(domain, emulator, host),
            Consoles = PlannedConsoles(domain, host),
            Inputs = InputPlanning.Usb(domain),
            VirtioInputs = virtioInputs,
            EvdevInputs = InputPlanning.Evdev(domain),
            Filesystems = filesystems.ToImmutable(),
            Hubs = UsbPlanning.Hubs(domain),
            RedirectedDevices = UsbPlanning.RedirectedDevices(domain, emitBootIndex),
            Smartcard = SmartcardPlanning.Plan(domain),
            Balloon = balloon,
            Sounds = sounds,
            Audiodevs = audiodevs,
            Watchdog = watchdog,
            Videos = videos,
            Usb = UsbPlanning.NeedsLegacyUsb(controllers),
            Misc = misc,
            Memory = memory = MemoryPlanning.Plan(domain, emulator, host, slots),
            Firmware = firmware,
            MachineOptions = MachinePlanning.Plan(domain, emulator, firmware, memory),
            // The PCI buses are known once every device has asked for its place: these members come last.
            PciBuses = pci.Topology(),
            RootBusHotplug = rootBusHotplug,
        };
    }

    /// <summary>The virtio flavour of a balloon model (a plain <c>virtio</c> balloon is the plain device).</summary>
    private static VirtioModel BalloonFlavour(MemBalloonModel model) => model switch
    {
        MemBalloonModel.VirtioTransitional => VirtioModel.VirtioTransitional,
        MemBalloonModel.VirtioNonTransitional => VirtioModel.VirtioNonTransitional,
        _ => VirtioModel.Virtio,
    };

    /// <summary>The machine type QEMU gets: the XML's, in the emulator's canonical name, else the emulator's default.</summary>
    private static string MachineOf(Domain domain, EmulatorDescription emulator) =>
        domain.Os?.Machine is { } m ? emulator.CanonicalMachine(m) : emulator.DefaultMachine?.Resolved ?? "";

    /// <summary>
    /// Disks in libvirt's order. libvirt inserts each disk before the first disk on its bus whose name
    /// sorts after it, else after the last disk on its bus, else at the end; so each bus's disks stay
    /// together, the buses in the order they first appear, each sorted by name index (ties in document
    /// order). That order is computed directly, in O(n log n) rather than by n list insertions: one sort
    /// by (the bus's first appearance, name index, document order), with no groups made. An array, not a list through an
    /// interface: the planner walks it without an enumerator object (and a domain of one disk is not boxed to be walked).
    /// </summary>
    public static ImmutableArray<Disk> InBusOrder(ImmutableArray<Disk> disks)
    {
        if (disks.Length < 2) return disks;
        var buses = new List<DiskBus>();
        var keys = new (int Bus, int Index, int At)[disks.Length];
        for (var i = 0; i < disks.Length; i++)
        {
            var bus = DiskTargetNames.BusOf(disks[i]);
            var rank = buses.IndexOf(bus);
            if (rank < 0)
            {
                rank = buses.Count;
                buses.Add(bus);
            }
            keys[i] = (rank, DiskTargetNames.Index(disks[i].Target.Dev), i);
        }
        Array.Sort(keys);
        var ordered = new Disk[keys.Length];
        for (var i = 0; i < keys.Length; i++) ordered[i] = disks[keys[i].At];
        return ImmutableCollectionsMarshal.AsImmutableArray(ordered);
    }

    private static void ReserveGivenAddresses(Domain domain, IPciAddressAssigner pci)
    {
        // A loop per kind, not one chain of Concat and Select: every document goes through here.
        var d = domain.Devices;
        foreach (var x in d.Disks) pci.Reserve(x.Address);
        foreach (var x in d.Interfaces) pci.Reserve(x.Address);
        foreach (var x in d.Controllers) pci.Reserve(x.Address);
        foreach (var x in d.Videos) pci.Reserve(x.Address);
        foreach (var x in d.Sounds) pci.Reserve(x.Address);
        foreach (var x in d.HostDevices) pci.Reserve(x.Address);
        foreach (var x in d.Filesystems) pci.Reserve(x.Address);
        foreach (var x in d.Inputs) pci.Reserve(x.Address);
        pci.Reserve(d.MemBalloon?.Address);
        pci.Reserve(d.Watchdog?.Address);
        Misc.MiscDevicePlanning.ReserveGivenAddresses(domain, pci);
    }

    /// <summary>The boot devices in effect: the XML's, or the hard disk when neither it nor any device names one.</summary>
    public static ImmutableArray<BootDevice> EffectiveBootDevices(Domain domain)
    {
        if (domain.Os is { BootDevices.IsEmpty: false } os) return os.BootDevices;
        return domain.Devices.HasDeviceBootOrder ? [] : [BootDevice.HardDisk];
    }

    /// <summary>
    /// The <c>-boot</c> value and whether order goes per device instead: per device when devices name
    /// their order, or when QEMU has bootindex and no boot menu is asked for (libvirt 0.10.2's rule); with
    /// a modern emulator (the <c>-blockdev</c> set) per device whenever QEMU has bootindex, the menu beside it,
    /// as libvirt 9 does: <c>-boot order=</c> holds only what the PC BIOS's boot list can.
    /// </summary>
    private static (string? Option, bool EmitBootIndex) Boot(Domain domain, EmulatorDescription emulator)
    {
        if (domain.Bootloader is not null || domain.Os is { Type: not OsType.Hvm }) return (null, false);
        var devices = EffectiveBootDevices(domain);
        var menu = domain.Os?.BootMenu;
        var emitBootIndex = devices.IsEmpty
            || (emulator.Has(QemuCapability.BootIndex)
                && (menu != true || !emulator.Has(QemuCapability.BootMenu) || emulator.Has(QemuCapability.Blockdev)));
        var parts = new List<string>();
        if (!emitBootIndex) parts.Add(string.Concat(devices.Select(BootLetter)));
        if (menu is { } on && emulator.Has(QemuCapability.BootMenu)) parts.Add(on ? "menu=on" : "menu=off");
        // The menu's wait only means something when the menu is shown.
        if (menu == true && domain.Os?.BootMenuTimeout is { } wait && emulator.Has(QemuCapability.SplashTimeout)) parts.Add($"splash-time={wait}");
        if (domain.Os?.BiosRebootTimeout is { } timeout) parts.Add($"reboot-timeout={timeout}");
        // Only the devices named boot: the firmware does not fall back to whatever else it finds.
        if (emulator.Has(QemuCapability.BootStrict)) parts.Add("strict=on");
        if (parts.Count == 0) return (null, emitBootIndex);
        var option = parts.Count < 2 || emitBootIndex ? string.Join(",", parts) : "order=" + string.Join(",", parts);
        return (option, emitBootIndex);
    }

    private static char BootLetter(BootDevice device) => device switch
    {
        BootDevice.Floppy => 'a',
        BootDevice.HardDisk => 'c',
        BootDevice.Cdrom => 'd',
        BootDevice.Network => 'n',
        _ => throw new InvalidOperationException($"unknown boot device {device}"),
    };

    /// <summary>The serial ports with their front ends: spapr-vty on a pseries machine, else <see cref="SerialPlanning.FrontEnd"/>.</summary>
    // Each planned in place in the array CharDevices made for this plan, which becomes the plan's list only then:
    // CreateRange with a lambda over this plan's machine, registers and slots was a closure, a delegate and a second
    // array for every document.
    private static ImmutableArray<PlannedCharDevice> PlannedSerials(Domain domain, HostSettings host, string machine, SpaprVioRegisters spaprRegs, PciSlots slots)
    {
        var planned = CharDevices(SerialsWithConsole(domain, host), "serial");
        for (var i = 0; i < planned.Length; i++)
        {
            var s = planned[i];
            planned[i] = SpaprVioRegisters.SerialIsSpaprVio(s.Device, machine)
                ? s with { SpaprReg = spaprRegs.Take(s.Device.Address, SpaprVioRegisters.SerialBase), QemuType = "spapr-vty" }
                : SerialPlanning.FrontEnd(s, slots);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(planned);
    }

    /// <summary>
    /// The parallel ports, each an <c>isa-parallel</c> at the I/O port and IRQ its ISA address gives, if any (planned in
    /// place, as <see cref="PlannedSerials"/>).
    /// </summary>
    private static ImmutableArray<PlannedCharDevice> PlannedParallels(Domain domain)
    {
        var planned = CharDevices(domain.Devices.Parallels, "parallel");
        for (var i = 0; i < planned.Length; i++)
        {
            var isa = planned[i].Device.Address as IsaAddress;
            planned[i] = planned[i] with { QemuType = "isa-parallel", IoBase = isa?.IoBase, Irq = isa?.Irq };
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(planned);
    }

    /// <summary>The consoles with their targets in effect, virtio-serial ports and front ends (planned in place, as <see cref="PlannedSerials"/>).</summary>
    private static ImmutableArray<PlannedCharDevice> PlannedConsoles(Domain domain, HostSettings host)
    {
        var planned = CharDevices(domain.Devices.Consoles, "console");
        for (var i = 0; i < planned.Length; i++)
        {
            var c = planned[i];
            planned[i] = c with
            {
                ConsoleTarget = ConsoleTargetOf(c.Device, host),
                SerialPort = c.Device.Address as VirtioSerialAddress,
                QemuType = c.Device.Target is ConsoleTarget { Type: ConsoleTargetType.Virtio } ? "virtconsole" : null,
            };
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(planned);
    }

    /// <summary>libvirt adds a serial port for a console on a serial target when the domain has none.</summary>
    private static ImmutableArray<CharDevice> SerialsWithConsole(Domain domain, HostSettings host)
    {
        var serials = domain.Devices.Serials;
        if (!serials.IsEmpty || domain.Devices.Consoles.IsEmpty) return serials;
        var console = domain.Devices.Consoles[0];
        var isSerial = ConsoleTargetOf(console, host) == ConsoleTargetType.Serial;
        return isSerial ? [console with { Kind = CharDeviceKind.Serial, Target = new SerialTarget { Port = 0 } }] : serials;
    }

    /// <summary>A console's target in effect: the XML's, else the host's default (libvirt's serial for x86).</summary>
    private static ConsoleTargetType? ConsoleTargetOf(CharDevice console, HostSettings host) =>
        (console.Target as ConsoleTarget)?.Type ?? (host.DefaultConsoleTargetType == "serial" ? ConsoleTargetType.Serial : null);

    /// <summary>
    /// The devices with their aliases. A loop rather than IndexedPlans with a lambda: a lambda over the prefix is a closure
    /// and a delegate made at each of the four calls per document, most for an empty list.
    /// </summary>
    /// <summary>
    /// The devices of one kind with their aliases, in an array made for this plan: the caller plans each in place and
    /// only then makes it the plan's (immutable) list.
    /// </summary>
    private static PlannedCharDevice[] CharDevices(ImmutableArray<CharDevice> devices, string prefix)
    {
        if (devices.IsEmpty) return [];
        var planned = new PlannedCharDevice[devices.Length];
        for (var i = 0; i < planned.Length; i++) planned[i] = new PlannedCharDevice(devices[i], devices[i].Alias ?? $"{prefix}{i}");
        return planned;
    }

    private static string DiskAlias(DiskBus bus, int index, DriveAddress? drive, Domain domain)
    {
        var prefix = DiskBusPrefix(bus);
        if (drive is null) return $"{prefix}-disk{index}";
        // The parts written one by one: a uint? in an interpolated string is boxed to be formatted (~1,800 boxes of the
        // 9.0 corpus x2, ~0.5M instructions). An absent part is written as nothing, as interpolation writes a null.
        var alias = new DefaultInterpolatedStringHandler(3, 4);
        alias.AppendLiteral(prefix);
        AppendPart(ref alias, drive.Controller);
        alias.AppendLiteral("-");
        AppendPart(ref alias, drive.Bus);
        alias.AppendLiteral("-");
        if (bus == DiskBus.Scsi && ScsiUsesTarget(domain, drive.Controller ?? 0))
        {
            AppendPart(ref alias, drive.Target);
            alias.AppendLiteral("-");
        }
        AppendPart(ref alias, drive.Unit);
        return alias.ToStringAndClear();
    }

    private static void AppendPart(ref DefaultInterpolatedStringHandler text, uint? part)
    {
        if (part is { } number) text.AppendFormatted(number);
    }

    /// <summary>
    /// The channels with their socket paths and aliases, each with its virtio-serial port and front end. Most domains
    /// have none: no port table, no Zip and no copy to an array for them (~900 instructions per document).
    /// </summary>
    private static ImmutableArray<PlannedCharDevice> PlannedChannels(Domain domain, EmulatorDescription emulator, HostSettings host)
    {
        if (domain.Devices.Channels.IsEmpty) return [];
        var planned = CharDevices(ChannelPlanning.WithSocketPaths(domain, host), "channel");
        var ports = VirtioSerialPlanning.ChannelPorts(domain.Devices.Channels);
        for (var i = 0; i < planned.Length; i++) planned[i] = ChannelFrontEnd(planned[i] with { SerialPort = ports[i] }, emulator);
        return ImmutableCollectionsMarshal.AsImmutableArray(planned);
    }

    /// <summary>
    /// A channel's front end: a virtio channel is a <c>virtserialport</c> on its chardev, or (older QEMU, which had
    /// spicevmc only as a virtio-serial device with its own backend) a <c>spicevmc</c> device; guestfwd has none.
    /// </summary>
    private static PlannedCharDevice ChannelFrontEnd(PlannedCharDevice channel, EmulatorDescription emulator)
    {
        if (channel.Device.Target is not VirtioChannelTarget) return channel;
        var legacySpice = channel.Device.Source is SpicevmcCharSource
            && !emulator.Has(QemuCapability.ChardevSpicevmc) && emulator.Has(QemuCapability.DeviceSpicevmc);
        return channel with { QemuType = legacySpice ? "spicevmc" : "virtserialport", HasChardev = !legacySpice };
    }

    /// <summary>
    /// usb-storage has no empty form of its own: an empty USB CD-ROM keeps a <c>-drive</c> without a medium (QEMU
    /// presents it as a SCSI CD-ROM with its tray ready), not a node graph, which would leave the device without a drive.
    /// </summary>
    private static PlannedBlockGraph? EmptyUsbDrive(PlannedBlockGraph? graph, DiskBus bus) =>
        graph is { TopNode: null } && bus == DiskBus.Usb ? null : graph;

    /// <summary>The NIC's QEMU type: virtio on the machine's virtio transport, else the model (QEMU's rtl8139 by default).</summary>
    private static string NicType(NetworkInterface nic, VirtioTransport transport)
    {
        var model = nic.Model ?? "rtl8139";
        if (model is "virtio-transitional" or "virtio-non-transitional")
            return QemuDeviceNames.VirtioPci("virtio-net-pci", model == "virtio-transitional", model == "virtio-non-transitional");
        if (model != "virtio") return model;
        return transport == VirtioTransport.S390 ? "virtio-net-s390" : "virtio-net-pci";
    }

    /// <summary>
    /// A disk front end's QEMU type, the bus and device deciding: <c>ide-cd</c>/<c>ide-hd</c> when QEMU has them (else
    /// <c>ide-drive</c>), the SCSI kinds, virtio on the machine's transport, USB storage; a floppy drive is a
    /// <c>floppy</c> device when QEMU has one, else it is placed with <c>-global isa-fdc</c>.
    /// </summary>
    internal static string? DiskType(DiskBus bus, DiskDevice device, EmulatorDescription emulator, VirtioTransport transport) => bus switch
    {
        DiskBus.Fdc => emulator.Has(QemuCapability.DeviceFloppy) ? "floppy" : null,
        DiskBus.Ide or DiskBus.Sata => !emulator.Has(QemuCapability.IdeCd) ? "ide-drive" : device == DiskDevice.Cdrom ? "ide-cd" : "ide-hd",
        DiskBus.Virtio => transport == VirtioTransport.S390 ? "virtio-blk-s390" : "virtio-blk-pci",
        DiskBus.Usb => "usb-storage",
        DiskBus.Scsi => device switch
        {
            DiskDevice.Lun => "scsi-block",
            DiskDevice.Cdrom when emulator.Has(QemuCapability.ScsiCd) => "scsi-cd",
            DiskDevice.Disk when emulator.Has(QemuCapability.ScsiCd) => "scsi-hd",
            _ => "scsi-disk",
        },
        _ => null, // Xen, SD and UML disks have no -device form; validation refuses them with -device.
    };

    /// <summary>
    /// Whether a CD-ROM's <c>-device</c> front end itself says "CD-ROM" (<c>ide-cd</c>, <c>scsi-cd</c>), so
    /// <c>-drive</c> leaves <c>media=cdrom</c> out; every other bus, and every disk without <c>-device</c>, still needs it.
    /// </summary>
    private static bool FrontEndSaysCdrom(DiskBus bus, bool useDevice, EmulatorDescription emulator) => useDevice && bus switch
    {
        DiskBus.Ide => emulator.Has(QemuCapability.IdeCd),
        DiskBus.Scsi => emulator.Has(QemuCapability.ScsiCd),
        _ => false,
    };

    /// <summary>Whether disks on a SCSI controller are addressed by channel, target and LUN (every model but LSI's).</summary>
    internal static bool ScsiUsesTarget(Domain domain, uint controller) =>
        ControllerPlanning.EffectiveScsiModel(
            domain.Devices.Controllers.OfType<ScsiController>().FirstOrDefault(c => c.Index == controller) ?? new ScsiController { Index = controller },
            domain.Os?.Machine ?? "") != ScsiControllerModel.Lsilogic;

    /// <summary>libvirt reads the attributes a drive address leaves out as 0.</summary>
    private static DriveAddress? WithZeroDefaults(DriveAddress? drive) =>
        drive is null ? null : drive with { Controller = drive.Controller ?? 0, Bus = drive.Bus ?? 0, Target = drive.Target ?? 0, Unit = drive.Unit ?? 0 };

    private static string DiskBusPrefix(DiskBus bus) => bus switch
    {
        DiskBus.Ide => "ide",
        DiskBus.Fdc => "fdc",
        DiskBus.Scsi => "scsi",
        DiskBus.Virtio => "virtio",
        DiskBus.Xen => "xenvbd",
        DiskBus.Usb => "usb",
        DiskBus.Uml => "uml",
        DiskBus.Sata => "sata",
        DiskBus.Sd => "sd",
        _ => throw new InvalidOperationException($"unknown disk bus {bus}"),
    };
}
