using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.Drivers.Qemu.Probing;

/// <summary>
/// Turns a <see cref="ProbeResult"/> into libvirt capability names and an <see cref="EmulatorDescription"/>.
/// A capability is set when this QEMU has the concept the libvirt name stands for, judged only from
/// what the probe saw. The rules, one per line in <see cref="Rules"/>, are of four kinds:
/// <list type="bullet">
/// <item>QMP itself: monitor-json (we spoke QMP to it).</item>
/// <item>a QMP command: device_add gives device, netdev_add gives netdev, chardev-add gives chardev, ...</item>
/// <item>a command-line option or one of its parameters (query-command-line-options): drive, drive.format, name, ...</item>
/// <item>a device or object type (qom-list-types), or a property of one (device-list-properties):
///   ide-cd, virtio-blk-pci.event_idx, bootindex, ...</item>
/// </list>
/// Capabilities of options QEMU never describes over QMP (-uuid, -no-reboot, -vga, ...) are not
/// guessed from the version here; names that only ever meant an old syntax (drive-boot, pci-device,
/// kqemu) stay unset.
/// </summary>
public static class ProbeCapabilityRules
{
    /// <summary>One rule: the capability and the test on the probe result that grants it.</summary>
    public sealed record Rule(QemuCapability Capability, string Evidence, Func<ProbeResult, bool> Holds);

    private static Rule Always(QemuCapability c, string why) => new(c, why, _ => true);

    private static Rule Command(QemuCapability c, string command) => new(c, $"QMP command {command}", p => p.HasCommand(command));

    private static Rule Option(QemuCapability c, string option) => new(c, $"option -{option}", p => p.HasOption(option));

    private static Rule OptionParameter(QemuCapability c, string option, string parameter) =>
        new(c, $"option -{option} {parameter}=", p => p.HasOptionParameter(option, parameter));

    private static Rule Device(QemuCapability c, string type) => new(c, $"device {type}", p => p.HasDevice(type));

    private static Rule Object(QemuCapability c, string type) => new(c, $"object {type}", p => p.HasObject(type));

    private static Rule Property(QemuCapability c, string type, string property) =>
        new(c, $"device {type} property {property}", p => p.HasDeviceProperty(type, property));

    private static Rule AnyProperty(QemuCapability c, string property, params string[] types) =>
        new(c, $"property {property} on {string.Join(" or ", types)}", p => types.Any(t => p.HasDeviceProperty(t, property)));

    public static readonly ImmutableArray<Rule> Rules =
    [
        Always(QemuCapability.MonitorJson, "the probe spoke QMP"),
        Command(QemuCapability.Device, "device_add"),
        Command(QemuCapability.Netdev, "netdev_add"),
        Command(QemuCapability.Chardev, "chardev-add"),
        Command(QemuCapability.Balloon, "balloon"),
        Command(QemuCapability.Transaction, "transaction"),
        Command(QemuCapability.BlockJobAsync, "block-job-cancel"),
        Command(QemuCapability.DumpGuestMemory, "dump-guest-memory"),
        Command(QemuCapability.SystemWakeup, "system_wakeup"),
        Command(QemuCapability.BlockCommit, "block-commit"),
        Command(QemuCapability.DriveMirror, "drive-mirror"),
        Command(QemuCapability.BlockdevSnapshotSync, "blockdev-snapshot-sync"),
        Command(QemuCapability.AddFd, "add-fd"),
        Command(QemuCapability.NbdServer, "nbd-server-start"),
        Command(QemuCapability.MigrateQemuFd, "getfd"),
        Option(QemuCapability.Drive, "drive"),
        OptionParameter(QemuCapability.DriveFormat, "drive", "format"),
        OptionParameter(QemuCapability.DriveAio, "drive", "aio"),
        OptionParameter(QemuCapability.DriveReadonly, "drive", "read-only"),
        OptionParameter(QemuCapability.DriveCopyOnRead, "drive", "copy-on-read"),
        OptionParameter(QemuCapability.DriveDiscard, "drive", "discard"),
        OptionParameter(QemuCapability.DriveIotune, "drive", "throttling.bps-total"),
        OptionParameter(QemuCapability.DriveSerial, "drive", "serial"),
        Option(QemuCapability.Name, "name"),
        OptionParameter(QemuCapability.NameProcess, "name", "process"),
        Option(QemuCapability.Fsdev, "fsdev"),
        OptionParameter(QemuCapability.FsdevReadonly, "fsdev", "readonly"),
        OptionParameter(QemuCapability.FsdevWriteout, "fsdev", "writeout"),
        OptionParameter(QemuCapability.BootMenu, "boot-opts", "menu"),
        OptionParameter(QemuCapability.RebootTimeout, "boot-opts", "reboot-timeout"),
        OptionParameter(QemuCapability.SmpTopology, "smp-opts", "sockets"),
        Option(QemuCapability.Rtc, "rtc"),
        Option(QemuCapability.SmbiosType, "smbios"),
        Option(QemuCapability.MachineOpt, "machine"),
        OptionParameter(QemuCapability.MachineUsbOpt, "machine", "usb"),
        OptionParameter(QemuCapability.DumpGuestCore, "machine", "dump-guest-core"),
        OptionParameter(QemuCapability.MemMerge, "machine", "mem-merge"),
        OptionParameter(QemuCapability.Mlock, "overcommit", "mem-lock"),
        Option(QemuCapability.SeccompSandbox, "sandbox"),
        Option(QemuCapability.Vnc, "vnc"),
        OptionParameter(QemuCapability.VncWebsocket, "vnc", "websocket"),
        OptionParameter(QemuCapability.VncSharePolicy, "vnc", "share"),
        new(QemuCapability.Kvm, "query-kvm present (compiled in)", p => p.KvmBuiltIn == true),
        Device(QemuCapability.Piix3UsbUhci, "piix3-usb-uhci"),
        Device(QemuCapability.Piix4UsbUhci, "piix4-usb-uhci"),
        Device(QemuCapability.UsbEhci, "usb-ehci"),
        Device(QemuCapability.Ich9UsbEhci1, "ich9-usb-ehci1"),
        Device(QemuCapability.Vt82c686bUsbUhci, "vt82c686b-usb-uhci"),
        Device(QemuCapability.PciOhci, "pci-ohci"),
        Device(QemuCapability.NecUsbXhci, "nec-usb-xhci"),
        Device(QemuCapability.UsbRedir, "usb-redir"),
        Device(QemuCapability.UsbHub, "usb-hub"),
        Device(QemuCapability.UsbSerial, "usb-serial"),
        Device(QemuCapability.UsbNet, "usb-net"),
        Device(QemuCapability.Ich9Ahci, "ich9-ahci"),
        Device(QemuCapability.CcidEmulated, "ccid-card-emulated"),
        Device(QemuCapability.CcidPassthru, "ccid-card-passthru"),
        Device(QemuCapability.HdaDuplex, "hda-duplex"),
        Device(QemuCapability.HdaMicro, "hda-micro"),
        Device(QemuCapability.ScsiBlock, "scsi-block"),
        Device(QemuCapability.ScsiCd, "scsi-cd"),
        Device(QemuCapability.ScsiGeneric, "scsi-generic"),
        Device(QemuCapability.IdeCd, "ide-cd"),
        Device(QemuCapability.Lsi, "lsi53c895a"),
        Device(QemuCapability.VirtioScsiPci, "virtio-scsi-pci"),
        Device(QemuCapability.Megasas, "megasas"),
        Device(QemuCapability.Qxl, "qxl"),
        Device(QemuCapability.DeviceQxlVga, "qxl-vga"),
        Device(QemuCapability.VgaDevice, "VGA"),
        Device(QemuCapability.CirrusVga, "cirrus-vga"),
        Device(QemuCapability.VmwareSvga, "vmware-svga"),
        Device(QemuCapability.Sga, "sga"),
        Device(QemuCapability.VirtioRng, "virtio-rng-pci"),
        Device(QemuCapability.VirtioCcw, "virtual-css-bridge"),
        Device(QemuCapability.S390Sclp, "s390-sclp-event-facility"),
        Device(QemuCapability.TpmTis, "tpm-tis"),
        Device(QemuCapability.PciBridge, "pci-bridge"),
        Device(QemuCapability.VfioPci, "vfio-pci"),
        Device(QemuCapability.DeviceSpicevmc, "spicevmc"),
        Object(QemuCapability.RngRandom, "rng-random"),
        Object(QemuCapability.RngEgd, "rng-egd"),
        Property(QemuCapability.BootIndex, "virtio-blk-pci", "bootindex"),
        Property(QemuCapability.PciBootindex, "pci-assign", "bootindex"),
        Property(QemuCapability.PciMultifunction, "virtio-net-pci", "multifunction"),
        Property(QemuCapability.Rombar, "virtio-net-pci", "rombar"),
        Property(QemuCapability.VirtioTxAlg, "virtio-net-pci", "tx"),
        Property(QemuCapability.VirtioNetPciEventIdx, "virtio-net-pci", "event_idx"),
        Property(QemuCapability.VirtioBlkPciEventIdx, "virtio-blk-pci", "event_idx"),
        Property(QemuCapability.VirtioBlkPciIoeventfd, "virtio-blk-pci", "ioeventfd"),
        Property(QemuCapability.VirtioBlkPciScsi, "virtio-blk-pci", "scsi"),
        Property(QemuCapability.Blockio, "virtio-blk-pci", "logical_block_size"),
        AnyProperty(QemuCapability.ScsiDiskChannel, "channel", "scsi-disk", "scsi-hd"),
        AnyProperty(QemuCapability.ScsiDiskWwn, "wwn", "scsi-disk", "scsi-hd"),
        AnyProperty(QemuCapability.IdeDriveWwn, "wwn", "ide-drive", "ide-hd"),
        Property(QemuCapability.UsbRedirFilter, "usb-redir", "filter"),
        Property(QemuCapability.UsbRedirBootindex, "usb-redir", "bootindex"),
        Property(QemuCapability.UsbHostBootindex, "usb-host", "bootindex"),
        Property(QemuCapability.VfioPciBootindex, "vfio-pci", "bootindex"),
        Property(QemuCapability.ScsiGenericBootindex, "scsi-generic", "bootindex"),
    ];

    /// <summary>The capabilities whose rule holds for <paramref name="probe"/>.</summary>
    public static QemuCapabilitySet Capabilities(ProbeResult probe) =>
        QemuCapabilitySet.Of(Rules.Where(r => r.Holds(probe)).Select(r => r.Capability));

    /// <summary>
    /// The emulator as the command-line builder sees it. Machines keep QEMU's order; each alias
    /// becomes its own entry pointing at its versioned machine (<c>pc</c> resolves to <c>pc-i440fx-7.2</c>),
    /// and the default machine is named by its alias when it has one.
    /// </summary>
    public static EmulatorDescription Describe(ProbeResult probe)
    {
        var machines = ImmutableArray.CreateBuilder<MachineType>();
        foreach (var machine in probe.Machines)
        {
            if (machine.Alias is { } alias) machines.Add(new MachineType(alias, machine.Name) { MaxCpus = machine.MaxCpus });
            machines.Add(new MachineType(machine.Name) { MaxCpus = machine.MaxCpus });
        }
        var defaultMachine = probe.DefaultMachine;
        return new EmulatorDescription
        {
            Path = probe.Path,
            Arch = probe.Arch,
            Version = probe.Version,
            Capabilities = Capabilities(probe),
            Machines = machines.ToImmutable(),
            DefaultMachineName = defaultMachine is null ? null : defaultMachine.Alias ?? defaultMachine.Name,
            CpuModels = probe.CpuModels,
            DeviceTypes = probe.DeviceTypes,
        };
    }
}
