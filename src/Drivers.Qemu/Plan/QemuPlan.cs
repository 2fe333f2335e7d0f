using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// What the planner decided once so that emitters only format: the machine, memory and vCPU
/// counts, how boot order is expressed, device ids and addresses, and the implicit devices
/// libvirt adds (a serial port for a serial console, the default memory balloon).
/// </summary>
internal sealed record QemuPlan
{
    public required string Machine { get; init; }

    public required ulong MemoryMiB { get; init; }

    public required uint Vcpus { get; init; }

    public required uint MaxVcpus { get; init; }

    /// <summary>The guest CPU decision (<c>-cpu</c>), set once the CPU logic accepted the request.</summary>
    public Cpu.CpuArgumentsResult? Cpu { get; init; }

    /// <summary>Each device uses <c>-device</c> (the emulator has the <c>device</c> capability).</summary>
    public bool UseDevice { get; init; }

    public bool JsonMonitor { get; init; }

    public required string MonitorPath { get; init; }

    /// <summary>The <c>-boot</c> value, or null to leave <c>-boot</c> out.</summary>
    public string? BootOption { get; init; }

    /// <summary>Boot order is given per device (<c>bootindex=N</c>) rather than by <c>-boot</c>.</summary>
    public bool EmitBootIndex { get; init; }

    public ImmutableArray<PlannedDisk> Disks { get; init; } = [];

    public ImmutableArray<PlannedInterface> Interfaces { get; init; } = [];

    public ImmutableArray<PlannedCharDevice> Serials { get; init; } = [];

    public ImmutableArray<PlannedCharDevice> Parallels { get; init; } = [];

    public ImmutableArray<PlannedCharDevice> Channels { get; init; } = [];

    public ImmutableArray<PlannedCharDevice> Consoles { get; init; } = [];

    /// <summary>The domain's controllers, then the implicit ones libvirt adds (a virtio-serial controller for virtio channels).</summary>
    public ImmutableArray<PlannedController> Controllers { get; init; } = [];

    /// <summary>Host devices passed through (USB and PCI), hostdev interfaces first.</summary>
    public ImmutableArray<PlannedHostDevice> HostDevices { get; init; } = [];

    public ImmutableArray<PlannedFilesystem> Filesystems { get; init; } = [];

    /// <summary>The memory balloon to emit, or null (none, or a model QEMU does not emit).</summary>
    public PlannedDevice? Balloon { get; init; }

    public ImmutableArray<PlannedDevice> Inputs { get; init; } = [];

    /// <summary>The video cards in effect (an implicit one when graphics need it), the primary first.</summary>
    public ImmutableArray<PlannedVideo> Videos { get; init; } = [];

    public ImmutableArray<PlannedSound> Sounds { get; init; } = [];

    /// <summary>The watchdog with its alias and (6300ESB) PCI address, or null.</summary>
    public PlannedDevice? Watchdog { get; init; }

    /// <summary>Whether the guest has a USB bus (<c>-usb</c>): false only with <c>&lt;controller type='usb' model='none'/&gt;</c>.</summary>
    public bool Usb { get; init; } = true;
}

/// <summary>A device with its alias and (when assigned or given) its PCI address.</summary>
internal sealed record PlannedDevice(string Alias, PciAddress? Pci);

/// <summary>A disk with the drive address, alias, boot index and <c>boot=on</c> flag the planner decided.</summary>
internal sealed record PlannedDisk(Disk Disk, DiskBus Bus, DiskDevice Device, int Index, string Alias, DriveAddress? Drive, PciAddress? Pci)
{
    public uint? BootIndex { get; init; }

    /// <summary><c>boot=on</c> on <c>-drive</c> (older QEMU's way of booting from a virtio disk).</summary>
    public bool Bootable { get; init; }
}

/// <summary>A network interface with its index (<c>vlan</c>), alias, host-side name and PCI address.</summary>
internal sealed record PlannedInterface(NetworkInterface Interface, int Index, string Alias, string HostAlias, PciAddress? Pci)
{
    public uint? BootIndex { get; init; }
}

/// <summary>A serial, parallel, channel or console device with its alias (<c>serial0</c>; the chardev is <c>char</c> + alias).</summary>
internal sealed record PlannedCharDevice(CharDevice Device, string Alias)
{
    /// <summary>The spapr-vio register of a pseries serial port (<c>spapr-vty,reg=0x30000000</c>).</summary>
    public ulong? SpaprReg { get; init; }

    public string CharAlias => "char" + Alias;

    /// <summary>The virtio-serial port of a virtio channel or console (a console's only when its XML gives one).</summary>
    public VirtioSerialAddress? SerialPort { get; init; }
}

/// <summary>A shared folder (<c>-fsdev</c> + <c>virtio-9p-pci</c>) with its alias and PCI address.</summary>
internal sealed record PlannedFilesystem(Filesystem Filesystem, string Alias, PciAddress? Pci);

/// <summary>A controller with its alias and PCI address.</summary>
internal sealed record PlannedController(Controller Controller, string Alias, PciAddress? Pci)
{
    /// <summary>The spapr-vio register of a pseries virtual SCSI controller (<c>reg=0x2000</c>).</summary>
    public ulong? SpaprReg { get; init; }

    /// <summary>For a USB 1 companion of a USB 2 controller: the master's bus and first port.</summary>
    public UsbCompanionMaster? Master { get; init; }

    /// <summary>Added by libvirt (a disk names a controller the XML does not declare).</summary>
    public bool Implicit { get; init; }
}

/// <summary>The USB 2 controller a companion attaches to (<c>masterbus=usb1.0,firstport=2</c>).</summary>
internal sealed record UsbCompanionMaster(string MasterAlias, uint FirstPort);
