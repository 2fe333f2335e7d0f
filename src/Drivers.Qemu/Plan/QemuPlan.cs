using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// What the planner decided once so that emitters only format: the machine, memory and vCPU
/// counts, how boot order is expressed, device ids and addresses, and the implicit devices
/// libvirt adds (a serial port for a serial console, the default memory balloon).
/// </summary>
public sealed record QemuPlan
{
    public required string Machine { get; init; }

    public required ulong MemoryMiB { get; init; }

    public required uint Vcpus { get; init; }

    public required uint MaxVcpus { get; init; }

    /// <summary>The guest CPU decision (<c>-cpu</c>); the planner refuses the domain when the CPU logic does.</summary>
    public required Cpu.CpuArgumentsResult Cpu { get; init; }

    /// <summary>How virtio devices reach the guest: PCI, or the s390 machines' own virtio bus.</summary>
    public required VirtioTransport VirtioTransport { get; init; }

    /// <summary>The <c>-accel</c> value, or null with an emulator that takes libvirt 0.10.2's accelerator flags instead.</summary>
    public Build.QemuAccelerator? Accelerator { get; init; }

    /// <summary>What the guest gets instead of a display when it has no graphics (or that it has graphics).</summary>
    public QemuDisplayMode Display { get; init; }

    /// <summary>The graphics server with its ports and listen address settled, or null without graphics.</summary>
    public PlannedGraphics? Graphics { get; init; }

    /// <summary>How the video cards are given to QEMU.</summary>
    public QemuVideoSyntax VideoSyntax { get; init; }

    /// <summary>Each device uses <c>-device</c> (the emulator has the <c>device</c> capability).</summary>
    public bool UseDevice { get; init; }

    public bool JsonMonitor { get; init; }

    public required string MonitorPath { get; init; }

    /// <summary>How QEMU treats deprecated input and output (<c>-compat</c>), or null to leave its defaults.</summary>
    public PlannedCompat? Compat { get; init; }

    /// <summary>The <c>-boot</c> value, or null to leave <c>-boot</c> out.</summary>
    public string? BootOption { get; init; }

    /// <summary>Boot order is given per device (<c>bootindex=N</c>) rather than by <c>-boot</c>.</summary>
    public bool EmitBootIndex { get; init; }

    public ImmutableArray<PlannedDisk> Disks { get; init; } = [];

    /// <summary>The floppy controller given as a device of its own (a q35 machine has none built in), or null.</summary>
    public Blockdev.PlannedFloppyController? FloppyController { get; init; }

    /// <summary>The guest's PCI buses: the id of each and the PCI controllers that add them.</summary>
    public Pci.PciTopology PciBuses { get; init; } = Pci.PciTopology.Legacy;

    public ImmutableArray<PlannedInterface> Interfaces { get; init; } = [];

    public ImmutableArray<PlannedCharDevice> Serials { get; init; } = [];

    public ImmutableArray<PlannedCharDevice> Parallels { get; init; } = [];

    public ImmutableArray<PlannedCharDevice> Channels { get; init; } = [];

    public ImmutableArray<PlannedCharDevice> Consoles { get; init; } = [];

    /// <summary>The domain's controllers, then the implicit ones libvirt adds (a virtio-serial controller for virtio channels).</summary>
    public ImmutableArray<PlannedController> Controllers { get; init; } = [];

    /// <summary>The QEMU id of USB bus <paramref name="index"/> (<see cref="ControllerPlanning.UsbBus"/>).</summary>
    public string UsbBus(uint index) => ControllerPlanning.UsbBus(Controllers.Select(c => c.Controller), index);

    /// <summary>Host devices passed through (USB and PCI), hostdev interfaces first.</summary>
    public ImmutableArray<PlannedHostDevice> HostDevices { get; init; } = [];

    public ImmutableArray<PlannedFilesystem> Filesystems { get; init; } = [];

    public ImmutableArray<PlannedHub> Hubs { get; init; } = [];

    public ImmutableArray<PlannedRedirectedDevice> RedirectedDevices { get; init; } = [];

    /// <summary>The smartcard on the CCID bus, or null.</summary>
    public PlannedSmartcard? Smartcard { get; init; }

    /// <summary>The memory balloon to emit, or null (none, or a model QEMU does not emit).</summary>
    public PlannedDevice? Balloon { get; init; }

    /// <summary>The USB tablets and mice (PS/2 and Xen inputs have no QEMU device).</summary>
    public ImmutableArray<PlannedInput> Inputs { get; init; } = [];

    /// <summary>The virtio inputs (keyboard, mouse, tablet, passthrough of a host evdev device), PCI devices.</summary>
    public ImmutableArray<PlannedInput> VirtioInputs { get; init; } = [];

    /// <summary>The evdev inputs, each an <c>-object input-linux</c>.</summary>
    public ImmutableArray<PlannedInput> EvdevInputs { get; init; } = [];

    /// <summary>The video cards in effect (an implicit one when graphics need it), the primary first.</summary>
    public ImmutableArray<PlannedVideo> Videos { get; init; } = [];

    public ImmutableArray<PlannedSound> Sounds { get; init; } = [];

    /// <summary>The <c>-audiodev</c> backends (with the <c>audiodev</c> capability), in the XML's order.</summary>
    public ImmutableArray<PlannedAudiodev> Audiodevs { get; init; } = [];

    /// <summary>The watchdog with its alias and (6300ESB) PCI address, or null.</summary>
    public PlannedDevice? Watchdog { get; init; }

    /// <summary>The RNGs, TPMs, vsock, panic notifiers, IOMMU, VM generation ID and shared memory devices.</summary>
    public Misc.PlannedMiscDevices Misc { get; init; } = Plan.Misc.PlannedMiscDevices.None;

    /// <summary>Whether the guest has a USB bus (<c>-usb</c>): false only with <c>&lt;controller type='usb' model='none'/&gt;</c>.</summary>
    public bool Usb { get; init; } = true;

    /// <summary>The guest's firmware (<c>-bios</c>, or pflash drives); null for QEMU's own default.</summary>
    public PlannedFirmware? Firmware { get; init; }

    /// <summary>Guest memory on an emulator with memory backends: hotplug, node and RAM backends, memory devices, I/O threads.</summary>
    public PlannedMemory Memory { get; init; } = PlannedMemory.Empty;

    /// <summary>The machine properties features, firmware and memory decide.</summary>
    public PlannedMachineOptions MachineOptions { get; init; } = PlannedMachineOptions.Empty;

    /// <summary>Whether the declared root PCI bus offers hotplug slots, null when the domain does not say (QEMU's default: it does).</summary>
    public bool? RootBusHotplug { get; init; }
}

/// <summary>A device with its QEMU type (the word after <c>-device</c>), alias and (when assigned or given) PCI address.</summary>
public sealed record PlannedDevice(string QemuType, string Alias, PciAddress? Pci);

/// <summary>An input with its QEMU type (<c>usb-tablet</c>, <c>virtio-mouse-pci</c>, the <c>input-linux</c> object) and alias.</summary>
public sealed record PlannedInput(InputDevice Input, string QemuType, string Alias)
{
    /// <summary>A virtio input's PCI address.</summary>
    public PciAddress? Pci { get; init; }
}

/// <summary>A disk with the drive address, alias, boot index and <c>boot=on</c> flag the planner decided.</summary>
public sealed record PlannedDisk(Disk Disk, DiskBus Bus, DiskDevice Device, int Index, string Alias, DriveAddress? Drive, PciAddress? Pci)
{
    public uint? BootIndex { get; init; }

    /// <summary><c>boot=on</c> on <c>-drive</c> (older QEMU's way of booting from a virtio disk).</summary>
    public bool Bootable { get; init; }

    /// <summary>
    /// The front end's QEMU type (<c>ide-hd</c>, <c>scsi-cd</c>, <c>virtio-blk-pci</c>, <c>floppy</c>...): the word after
    /// <c>-device</c>; null for a floppy drive placed with <c>-global isa-fdc</c>.
    /// </summary>
    public string? QemuType { get; init; }

    /// <summary>
    /// The built-in controller whose <c>-global</c> properties place the drive (without a <c>floppy</c> device) or
    /// carry its boot index: <c>isa-fdc</c> for a floppy drive, null on every other bus.
    /// </summary>
    public string? GlobalController { get; init; }

    /// <summary>The disk sits on a SCSI controller that addresses by channel, target and LUN (every model but LSI's).</summary>
    public bool ScsiByTarget { get; init; }

    /// <summary>The bus as libvirt's disk aliases name it (<c>ide</c>, <c>scsi</c>, <c>virtio</c>, <c>fdc</c>, <c>xenvbd</c>...).</summary>
    public string BusPrefix { get; init; } = "";

    /// <summary>
    /// <c>-drive</c> says <c>media=cdrom</c>: a CD-ROM whose front end does not say so itself (anything but
    /// <c>ide-cd</c> and <c>scsi-cd</c> given with <c>-device</c>).
    /// </summary>
    public bool MediaCdrom { get; init; }

    /// <summary>The id of the disk's <c>-drive</c> (its block backend).</summary>
    public string DriveId => "drive-" + Alias;

    /// <summary>The medium as QEMU names it (a path, <c>fat:</c> folder, protocol URI); null when the drive is empty.</summary>
    public string? Source { get; init; }

    /// <summary><c>serial=</c> of <c>-drive</c>: the disk's serial where the emulator takes it there (<see cref="DiskSerialPlacement"/>).</summary>
    public string? DriveSerial { get; init; }

    /// <summary><c>serial=</c> of the <c>-device</c>: the disk's serial where <c>-drive</c> no longer takes it.</summary>
    public string? DeviceSerial { get; init; }

    /// <summary>The disk's storage as a <c>-blockdev</c> node graph (emulators with blockdev), or null for <c>-drive</c>.</summary>
    public Blockdev.PlannedBlockGraph? BlockGraph { get; init; }
}

/// <summary>A network interface with its index (<c>vlan</c>), alias, host-side name and PCI address.</summary>
public sealed record PlannedInterface(NetworkInterface Interface, int Index, string Alias, string HostAlias, PciAddress? Pci)
{
    /// <summary>The NIC's QEMU type (<c>virtio-net-pci</c>, <c>e1000</c>...), the word after <c>-device</c> or <c>model=</c>.</summary>
    public string QemuType { get; init; } = "";

    public uint? BootIndex { get; init; }

    /// <summary>The passt socket a user interface with a passt back-end connects to (<see cref="NetworkBackendPlanning.PasstSocket"/>).</summary>
    public string? PasstSocket { get; init; }
}

/// <summary>A serial, parallel, channel or console device with its alias (<c>serial0</c>; the chardev is <c>char</c> + alias).</summary>
public sealed record PlannedCharDevice(CharDevice Device, string Alias)
{
    /// <summary>The spapr-vio register of a pseries serial port (<c>spapr-vty,reg=0x30000000</c>).</summary>
    public ulong? SpaprReg { get; init; }

    public string CharAlias => "char" + Alias;

    /// <summary>The virtio-serial port of a virtio channel or console (a console's only when its XML gives one).</summary>
    public VirtioSerialAddress? SerialPort { get; init; }

    /// <summary>
    /// The front end's QEMU type (<c>isa-serial</c>, <c>spapr-vty</c>, <c>virtserialport</c>, <c>spicevmc</c>, <c>virtconsole</c>...);
    /// null where QEMU gets no <c>-device</c> for it (a guestfwd channel, a console that is not virtio).
    /// </summary>
    public string? QemuType { get; init; }

    /// <summary>For a console, its target in effect (the XML's, else the host's default); a serial console is the first serial port itself.</summary>
    public ConsoleTargetType? ConsoleTarget { get; init; }

    /// <summary>The device has a chardev of its own (<c>-chardev</c>): every one but the legacy spicevmc device.</summary>
    public bool HasChardev { get; init; } = true;

    /// <summary>A PCI serial port's (<c>pci-serial</c>) PCI address.</summary>
    public PciAddress? Pci { get; init; }

    /// <summary>The I/O port of an ISA serial port, debug console or parallel port the XML places (<c>isa-debugcon,iobase=0x402</c>).</summary>
    public ulong? IoBase { get; init; }

    /// <summary>The interrupt line of an ISA serial or parallel port the XML places (<c>isa-serial,iobase=0x3f8,irq=4</c>).</summary>
    public uint? Irq { get; init; }

    /// <summary>A USB serial port's (<c>usb-serial</c>) USB port, when the XML gives one.</summary>
    public UsbAddress? Usb { get; init; }
}

/// <summary>A shared folder (<c>-fsdev</c> + its device) with its QEMU type (the word after <c>-device</c>), alias and PCI address.</summary>
public sealed record PlannedFilesystem(Filesystem Filesystem, string QemuType, string Alias, PciAddress? Pci)
{
    /// <summary>The id of the <c>-fsdev</c> backend the device reads.</summary>
    public string FsdevId => "fsdev-" + Alias;

    /// <summary>virtiofsd's socket for a virtiofs share (<see cref="VirtiofsPlanning.Socket"/>); null for 9p.</summary>
    public string? VirtiofsSocket { get; init; }

    public uint? BootIndex { get; init; }
}

/// <summary>A controller with its alias and PCI address.</summary>
public sealed record PlannedController(Controller Controller, string Alias, PciAddress? Pci)
{
    /// <summary>The spapr-vio register of a pseries virtual SCSI controller (<c>reg=0x2000</c>).</summary>
    public ulong? SpaprReg { get; init; }

    /// <summary>For a USB 1 companion of a USB 2 controller: the master's bus and first port.</summary>
    public UsbCompanionMaster? Master { get; init; }

    /// <summary>Added by libvirt (a disk names a controller the XML does not declare).</summary>
    public bool Implicit { get; init; }

    /// <summary>The controller's QEMU type, the word after <c>-device</c>; null when none is written (built into the machine, or USB by <c>-usb</c> or none).</summary>
    public string? QemuType { get; init; }

    /// <summary>The SCSI model in effect for a SCSI controller (the XML's, else the machine's default).</summary>
    public ScsiControllerModel? ScsiModel { get; init; }
}

/// <summary>The USB 2 controller a companion attaches to (<c>masterbus=usb1.0,firstport=2</c>).</summary>
public sealed record UsbCompanionMaster(string MasterAlias, uint FirstPort);
