using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// Turns a <see cref="ProbeResult"/> into libvirt capability names and an <see cref="EmulatorDescription"/>.
/// Every capability has exactly one rule in <see cref="Rules"/>, and a name means what it meant to
/// libvirt 0.10.2, which decides the syntax the command-line builder writes: <c>kvm</c> is the
/// qemu-kvm fork's <c>-no-kvm</c> option (written to turn KVM off), not "KVM is compiled in";
/// <c>mlock</c> is <c>-realtime mlock=</c>, <c>balloon</c> the <c>-balloon</c> option, <c>pci-device</c>
/// <c>-pcidevice</c>. So a QEMU that dropped an old option lacks its name and the builder never writes it.
/// The evidence, cheapest and most direct first:
/// <list type="bullet">
/// <item>QMP: a command (<c>device_add</c> gives <c>device</c>), a command-line option or parameter
///   (<c>query-command-line-options</c>), a device or object type (<c>qom-list-types</c>), a device
///   property (<c>device-list-properties</c>), a schema event or command feature (<c>query-qmp-schema</c>);</item>
/// <item>the <c>-help</c> text, for the options QMP never describes (<c>-uuid</c>, <c>-no-reboot</c>,
///   <c>-vga</c>, <c>-no-kvm</c>) and for choices inside a synopsis (<c>-vga ...|qxl|none</c>,
///   <c>-drive cache=...|directsync|unsafe</c>, <c>-netdev bridge</c>, <c>-chardev spicevmc</c>);</item>
/// <item>the version, for what libvirt itself took from the version (each rule names the release
///   that brought the feature), and the target architecture (<c>pci-multibus</c>);</item>
/// <item>never, for names that only a build this probe cannot be (the kvm fork before kvm-79) had.</item>
/// </list>
/// The last block of names is for modern QEMU (<c>accel</c>, <c>audiodev</c>, <c>blockdev</c>,
/// <c>device.json</c>, <c>overcommit</c>, <c>explicit-booleans</c>); no legacy set holds them.
/// </summary>
public static class ProbeCapabilityRules
{
    /// <summary>One rule: the capability and the test on the probe result that grants it.</summary>
    public sealed record Rule(QemuCapability Capability, string Evidence, Func<ProbeResult, bool> Holds);

    private static Rule Always(QemuCapability c, string why) => new(c, why, _ => true);

    private static Rule Never(QemuCapability c, string why) => new(c, why, _ => false);

    private static Rule Since(QemuCapability c, int major, int minor, string what) =>
        new(c, $"QEMU {major}.{minor} or later ({what})", p => p.Version >= new QemuVersion(major, minor, 0));

    private static Rule Command(QemuCapability c, string command) => new(c, $"QMP command {command}", p => p.HasCommand(command));

    private static Rule Option(QemuCapability c, string option) => new(c, $"option -{option}", p => p.HasOption(option));

    private static Rule OptionParameter(QemuCapability c, string option, string parameter) =>
        new(c, $"option -{option} {parameter}=", p => p.HasOptionParameter(option, parameter));

    private static Rule Help(QemuCapability c, string option) => new(c, $"-help lists -{option}", p => p.HasHelpOption(option));

    private static Rule HelpSynopsis(QemuCapability c, string option, string prefix) =>
        new(c, $"-help lists -{option} {prefix}", p => p.HasHelpSynopsis(option, prefix));

    private static Rule HelpMentions(QemuCapability c, string option, string text) =>
        new(c, $"-help shows '{text}' for -{option}", p => p.HelpSynopsisContains(option, text));

    private static Rule Device(QemuCapability c, string type) => new(c, $"device {type}", p => p.HasDevice(type));

    private static Rule Object(QemuCapability c, string type) => new(c, $"object {type}", p => p.HasObject(type));

    private static Rule Property(QemuCapability c, string type, string property) =>
        new(c, $"device {type} property {property}", p => p.HasDeviceProperty(type, property));

    private static Rule AnyProperty(QemuCapability c, string property, params string[] types) =>
        new(c, $"property {property} on {string.Join(" or ", types)}", p => types.Any(t => p.HasDeviceProperty(t, property)));

    private static readonly string[] X86Targets = ["x86_64", "i386"];

    /// <summary>The accelerator is built in; true when the probe could not list accelerators (QEMU before QOM accelerators).</summary>
    private static bool AcceleratorBuiltIn(ProbeResult p, string name) => p.Accelerators.IsEmpty || p.Accelerators.Contains(name, StringComparer.Ordinal);

    public static readonly ImmutableArray<Rule> Rules =
    [
        Help(QemuCapability.Kqemu, "no-kqemu"),
        Since(QemuCapability.VncColon, 0, 9, "-vnc takes host:display"),
        Help(QemuCapability.NoReboot, "no-reboot"),
        Option(QemuCapability.Drive, "drive"),
        HelpMentions(QemuCapability.DriveBoot, "drive", "boot=on"),
        Option(QemuCapability.Name, "name"),
        Help(QemuCapability.Uuid, "uuid"),
        new(QemuCapability.Domid, "-help lists -domid and no -xen-domid", p => p.HasHelpOption("domid") && !p.HasHelpOption("xen-domid")),
        HelpMentions(QemuCapability.VnetHdr, "netdev", "vnet_hdr="),
        Never(QemuCapability.MigrateKvmStdio, "only the kvm fork before kvm-79 migrated over stdio"),
        Since(QemuCapability.MigrateQemuTcp, 0, 10, "-incoming tcp:"),
        Since(QemuCapability.MigrateQemuExec, 0, 10, "-incoming exec:"),
        new(QemuCapability.DriveCacheV2, "-help shows -drive cache= with modes, not on|off",
            p => p.HelpSynopsisContains("drive", "cache=") && !p.HelpSynopsisContains("drive", "cache=on|off")),
        Help(QemuCapability.Kvm, "no-kvm"),
        OptionParameter(QemuCapability.DriveFormat, "drive", "format"),
        new(QemuCapability.Vga, "-help lists -vga (and no -std-vga)", p => p.HasHelpOption("vga") && !p.HasHelpOption("std-vga")),
        Since(QemuCapability.Qemu0_10, 0, 10, "0.10 option syntax: -net ...,name="),
        Help(QemuCapability.PciDevice, "pcidevice"),
        Help(QemuCapability.MemPath, "mem-path"),
        OptionParameter(QemuCapability.DriveSerial, "drive", "serial"),
        // -help lists -xen-domid even in builds without Xen, which then refuse it ("not supported for this target").
        new(QemuCapability.XenDomid, "-help lists -xen-domid and the xen accelerator is built in",
            p => p.HasHelpOption("xen-domid") && AcceleratorBuiltIn(p, "xen")),
        Since(QemuCapability.MigrateQemuUnix, 0, 12, "-incoming unix:"),
        Command(QemuCapability.Chardev, "chardev-add"),
        new(QemuCapability.EnableKvm, "-help lists -enable-kvm and the kvm accelerator is built in",
            p => p.HasHelpOption("enable-kvm") && AcceleratorBuiltIn(p, "kvm")),
        Always(QemuCapability.MonitorJson, "the probe spoke QMP"),
        Help(QemuCapability.Balloon, "balloon"),
        Command(QemuCapability.Device, "device_add"),
        Help(QemuCapability.Sdl, "sdl"),
        OptionParameter(QemuCapability.SmpTopology, "smp-opts", "sockets"),
        Command(QemuCapability.Netdev, "netdev_add"),
        Option(QemuCapability.Rtc, "rtc"),
        HelpMentions(QemuCapability.VhostNet, "netdev", "vhost="),
        Help(QemuCapability.RtcTdHack, "rtc-td-hack"),
        Help(QemuCapability.NoHpet, "no-hpet"),
        Help(QemuCapability.NoKvmPit, "no-kvm-pit-reinjection"),
        Help(QemuCapability.Tdf, "tdf"),
        Property(QemuCapability.PciConfigfd, "pci-assign", "configfd"),
        Help(QemuCapability.Nodefconfig, "nodefconfig"),
        OptionParameter(QemuCapability.BootMenu, "boot-opts", "menu"),
        Help(QemuCapability.EnableKqemu, "enable-kqemu"),
        Option(QemuCapability.Fsdev, "fsdev"),
        Help(QemuCapability.Nesting, "enable-nesting"),
        OptionParameter(QemuCapability.NameProcess, "name", "process"),
        new(QemuCapability.DriveReadonly, "option -drive readonly= or read-only=",
            p => p.HasOptionParameter("drive", "readonly") || p.HasOptionParameter("drive", "read-only")),
        Option(QemuCapability.SmbiosType, "smbios"),
        HelpMentions(QemuCapability.VgaQxl, "vga", "|qxl"),
        Help(QemuCapability.Spice, "spice"),
        HelpMentions(QemuCapability.VgaNone, "vga", "|none"),
        Since(QemuCapability.MigrateQemuFd, 0, 12, "-incoming fd:"),
        Property(QemuCapability.BootIndex, "virtio-blk-pci", "bootindex"),
        Device(QemuCapability.HdaDuplex, "hda-duplex"),
        OptionParameter(QemuCapability.DriveAio, "drive", "aio"),
        new(QemuCapability.PciMultibus, "an x86 target (libvirt set it by architecture)", p => X86Targets.Contains(p.Arch)),
        Property(QemuCapability.PciBootindex, "pci-assign", "bootindex"),
        Device(QemuCapability.CcidEmulated, "ccid-card-emulated"),
        Device(QemuCapability.CcidPassthru, "ccid-card-passthru"),
        HelpSynopsis(QemuCapability.ChardevSpicevmc, "chardev", "spicevmc"),
        Device(QemuCapability.DeviceSpicevmc, "spicevmc"),
        Property(QemuCapability.VirtioTxAlg, "virtio-net-pci", "tx"),
        Device(QemuCapability.DeviceQxlVga, "qxl-vga"),
        Property(QemuCapability.PciMultifunction, "virtio-net-pci", "multifunction"),
        Property(QemuCapability.VirtioBlkPciIoeventfd, "virtio-blk-pci", "ioeventfd"),
        Device(QemuCapability.Sga, "sga"),
        Property(QemuCapability.VirtioBlkPciEventIdx, "virtio-blk-pci", "event_idx"),
        Property(QemuCapability.VirtioNetPciEventIdx, "virtio-net-pci", "event_idx"),
        HelpMentions(QemuCapability.CacheDirectsync, "drive", "directsync"),
        Device(QemuCapability.Piix3UsbUhci, "piix3-usb-uhci"),
        Device(QemuCapability.Piix4UsbUhci, "piix4-usb-uhci"),
        Device(QemuCapability.UsbEhci, "usb-ehci"),
        Device(QemuCapability.Ich9UsbEhci1, "ich9-usb-ehci1"),
        Device(QemuCapability.Vt82c686bUsbUhci, "vt82c686b-usb-uhci"),
        Device(QemuCapability.PciOhci, "pci-ohci"),
        Device(QemuCapability.UsbRedir, "usb-redir"),
        Device(QemuCapability.UsbHub, "usb-hub"),
        // libvirt skipped 0.14.x and 0.15.0, whose SIGTERM handling was broken with -no-shutdown.
        new(QemuCapability.NoShutdown, "-help lists -no-shutdown, not QEMU 0.14.0 to 0.15.0",
            p => p.HasHelpOption("no-shutdown") && (p.Version < new QemuVersion(0, 14, 0) || p.Version > new QemuVersion(0, 15, 0))),
        HelpMentions(QemuCapability.CacheUnsafe, "drive", "unsafe"),
        Property(QemuCapability.Rombar, "virtio-net-pci", "rombar"),
        Device(QemuCapability.Ich9Ahci, "ich9-ahci"),
        Help(QemuCapability.NoAcpi, "no-acpi"),
        OptionParameter(QemuCapability.FsdevReadonly, "fsdev", "readonly"),
        Property(QemuCapability.VirtioBlkPciScsi, "virtio-blk-pci", "scsi"),
        Property(QemuCapability.BlkSgIo, "virtio-blk-pci", "scsi"),
        OptionParameter(QemuCapability.DriveCopyOnRead, "drive", "copy-on-read"),
        Since(QemuCapability.CpuHost, 0, 11, "-cpu host"),
        OptionParameter(QemuCapability.FsdevWriteout, "fsdev", "writeout"),
        OptionParameter(QemuCapability.DriveIotune, "drive", "throttling.bps-total"),
        Command(QemuCapability.SystemWakeup, "system_wakeup"),
        AnyProperty(QemuCapability.ScsiDiskChannel, "channel", "scsi-disk", "scsi-hd"),
        Device(QemuCapability.ScsiBlock, "scsi-block"),
        Command(QemuCapability.Transaction, "transaction"),
        Command(QemuCapability.BlockJobSync, "block_job_cancel"),
        Command(QemuCapability.BlockJobAsync, "block-job-cancel"),
        Device(QemuCapability.ScsiCd, "scsi-cd"),
        Device(QemuCapability.IdeCd, "ide-cd"),
        Help(QemuCapability.NoUserConfig, "no-user-config"),
        Device(QemuCapability.HdaMicro, "hda-micro"),
        Command(QemuCapability.DumpGuestMemory, "dump-guest-memory"),
        Device(QemuCapability.NecUsbXhci, "nec-usb-xhci"),
        Device(QemuCapability.VirtioS390, "virtio-blk-s390"),
        new(QemuCapability.BalloonEvent, "QMP event BALLOON_CHANGE", p => p.HasEvent("BALLOON_CHANGE")),
        HelpSynopsis(QemuCapability.Bridge, "netdev", "bridge"),
        Device(QemuCapability.Lsi, "lsi53c895a"),
        Device(QemuCapability.VirtioScsiPci, "virtio-scsi-pci"),
        Property(QemuCapability.Blockio, "virtio-blk-pci", "logical_block_size"),
        Property(QemuCapability.DisableS3, "PIIX4_PM", "disable_s3"),
        Property(QemuCapability.DisableS4, "PIIX4_PM", "disable_s4"),
        Property(QemuCapability.UsbRedirFilter, "usb-redir", "filter"),
        AnyProperty(QemuCapability.IdeDriveWwn, "wwn", "ide-drive", "ide-hd"),
        AnyProperty(QemuCapability.ScsiDiskWwn, "wwn", "scsi-disk", "scsi-hd"),
        Option(QemuCapability.SeccompSandbox, "sandbox"),
        OptionParameter(QemuCapability.RebootTimeout, "boot-opts", "reboot-timeout"),
        OptionParameter(QemuCapability.DumpGuestCore, "machine", "dump-guest-core"),
        HelpMentions(QemuCapability.SeamlessMigration, "spice", "seamless-migration="),
        Command(QemuCapability.BlockCommit, "block-commit"),
        Option(QemuCapability.Vnc, "vnc"),
        Command(QemuCapability.DriveMirror, "drive-mirror"),
        Property(QemuCapability.UsbRedirBootindex, "usb-redir", "bootindex"),
        Property(QemuCapability.UsbHostBootindex, "usb-host", "bootindex"),
        Command(QemuCapability.BlockdevSnapshotSync, "blockdev-snapshot-sync"),
        Device(QemuCapability.Qxl, "qxl"),
        Device(QemuCapability.VgaDevice, "VGA"),
        Device(QemuCapability.CirrusVga, "cirrus-vga"),
        Device(QemuCapability.VmwareSvga, "vmware-svga"),
        Since(QemuCapability.DeviceVideoPrimary, 1, 2, "the primary video card as -device"),
        Device(QemuCapability.S390Sclp, "s390-sclp-event-facility"),
        Device(QemuCapability.UsbSerial, "usb-serial"),
        Device(QemuCapability.UsbNet, "usb-net"),
        Command(QemuCapability.AddFd, "add-fd"),
        Command(QemuCapability.NbdServer, "nbd-server-start"),
        Device(QemuCapability.VirtioRng, "virtio-rng-pci"),
        Object(QemuCapability.RngRandom, "rng-random"),
        Object(QemuCapability.RngEgd, "rng-egd"),
        Device(QemuCapability.VirtioCcw, "virtual-css-bridge"),
        Help(QemuCapability.Dtb, "dtb"),
        Device(QemuCapability.Megasas, "megasas"),
        Since(QemuCapability.Ipv6Migration, 1, 1, "-incoming tcp:[IPV6]:PORT"),
        Option(QemuCapability.MachineOpt, "machine"),
        OptionParameter(QemuCapability.MachineUsbOpt, "machine", "usb"),
        HelpSynopsis(QemuCapability.TpmPassthrough, "tpmdev", "passthrough"),
        Device(QemuCapability.TpmTis, "tpm-tis"),
        Device(QemuCapability.Nvram, "spapr-nvram"),
        Device(QemuCapability.PciBridge, "pci-bridge"),
        Device(QemuCapability.VfioPci, "vfio-pci"),
        Property(QemuCapability.VfioPciBootindex, "vfio-pci", "bootindex"),
        Device(QemuCapability.ScsiGeneric, "scsi-generic"),
        Property(QemuCapability.ScsiGenericBootindex, "scsi-generic", "bootindex"),
        OptionParameter(QemuCapability.MemMerge, "machine", "mem-merge"),
        OptionParameter(QemuCapability.VncWebsocket, "vnc", "websocket"),
        OptionParameter(QemuCapability.DriveDiscard, "drive", "discard"),
        HelpMentions(QemuCapability.Mlock, "realtime", "mlock="),
        OptionParameter(QemuCapability.VncSharePolicy, "vnc", "share"),

        // Modern QEMU.
        Help(QemuCapability.Accel, "accel"),
        Help(QemuCapability.Audiodev, "audiodev"),
        Help(QemuCapability.Blockdev, "blockdev"),
        new(QemuCapability.DeviceJson, "QMP schema: device_add has the json-cli feature (QEMU 6.2)", p => p.HasCommandFeature("device_add", "json-cli")),
        HelpMentions(QemuCapability.Overcommit, "overcommit", "mem-lock="),
        Since(QemuCapability.ExplicitBooleans, 6, 0, "short-form booleans deprecated"),
        Device(QemuCapability.DeviceFloppy, "floppy"),
        Object(QemuCapability.MemoryBackendRam, "memory-backend-ram"),
        new(QemuCapability.DeviceGeometry, "device ide-hd property cyls, and -drive without cyls=",
            p => p.HasDeviceProperty("ide-hd", "cyls") && !p.HasOptionParameter("drive", "cyls")),
        // QEMU 7.2 takes only this form; the release that dropped the separate chardev= is not recorded
        // here, so the rule starts at the first series we verified.
        Since(QemuCapability.GuestfwdChardev, 7, 0, "guestfwd=tcp:ADDR:PORT-chardev:ID, verified on 7.2"),
        // wwn is a uint64 property: its hexadecimal value parses only with the 0x prefix.
        AnyProperty(QemuCapability.WwnInteger, "wwn", "scsi-hd", "ide-hd"),
        Since(QemuCapability.MachineGraphics, 6, 2, "-device sga deprecated in favour of -machine graphics=off"),
        Since(QemuCapability.ChardevSerial, 6, 0, "chardev aliases tty and parport deprecated"),
        Object(QemuCapability.TlsCredsX509, "tls-creds-x509"),
        Command(QemuCapability.CpuModelExpansion, "query-cpu-model-expansion"),
        HelpMentions(QemuCapability.Action, "action", "watchdog="),
        Object(QemuCapability.RngBuiltin, "rng-builtin"),
        HelpSynopsis(QemuCapability.TpmEmulator, "tpmdev", "emulator"),
        HelpSynopsis(QemuCapability.NetdevStream, "netdev", "stream,"),
        HelpSynopsis(QemuCapability.NetdevVhostUser, "netdev", "vhost-user,"),
        HelpSynopsis(QemuCapability.NetdevVhostVdpa, "netdev", "vhost-vdpa,"),
        HelpMentions(QemuCapability.NetdevBridgeHelper, "netdev", "[,helper=helper]"),
        HelpSynopsis(QemuCapability.EglHeadless, "display", "egl-headless"),
        Property(QemuCapability.VideoMaxOutputs, "qxl-vga", "max_outputs"),
        HelpSynopsis(QemuCapability.ChardevSpiceport, "chardev", "spiceport"),
        OptionParameter(QemuCapability.ChardevQemuVdagent, "chardev", "clipboard"),
        OptionParameter(QemuCapability.ChardevFileAppend, "chardev", "append"),
        OptionParameter(QemuCapability.ChardevReconnect, "chardev", "reconnect"),
        OptionParameter(QemuCapability.ChardevLogfile, "chardev", "logfile"),
        Device(QemuCapability.PcieRootPort, "pcie-root-port"),
        Device(QemuCapability.PciePciBridge, "pcie-pci-bridge"),
        Property(QemuCapability.VirtioPciOptions, "virtio-scsi-pci", "packed"),
        Property(QemuCapability.AcpiIndex, "virtio-net-pci", "acpi-index"),
        OptionParameter(QemuCapability.SplashTimeout, "boot-opts", "splash-time"),
        Property(QemuCapability.PiixAcpiRootPciHotplug, "PIIX4_PM", "acpi-root-pci-hotplug"),
        HelpSynopsis(QemuCapability.NumaHmat, "numa", "hmat-lb,"),
        Object(QemuCapability.PrManagerHelper, "pr-manager-helper"),
        OptionParameter(QemuCapability.BootStrict, "boot-opts", "strict"),
        HelpMentions(QemuCapability.CompatDeprecated, "compat", "deprecated-input="),
    ];

    /// <summary>The names for what modern QEMU has and libvirt 0.10.2 never knew (the last block of <see cref="QemuCapabilityNames"/>).</summary>
    public static readonly ImmutableArray<QemuCapability> Modern =
    [
        QemuCapability.Accel, QemuCapability.Audiodev, QemuCapability.Blockdev,
        QemuCapability.DeviceJson, QemuCapability.Overcommit, QemuCapability.ExplicitBooleans,
        QemuCapability.DeviceFloppy, QemuCapability.MemoryBackendRam, QemuCapability.DeviceGeometry,
        QemuCapability.GuestfwdChardev, QemuCapability.WwnInteger, QemuCapability.MachineGraphics,
        QemuCapability.ChardevSerial, QemuCapability.TlsCredsX509, QemuCapability.CpuModelExpansion,
        QemuCapability.Action, QemuCapability.RngBuiltin, QemuCapability.TpmEmulator,
        QemuCapability.NetdevStream, QemuCapability.NetdevVhostUser, QemuCapability.NetdevVhostVdpa,
        QemuCapability.NetdevBridgeHelper,
        QemuCapability.EglHeadless, QemuCapability.VideoMaxOutputs,
        QemuCapability.ChardevSpiceport, QemuCapability.ChardevQemuVdagent, QemuCapability.ChardevFileAppend, QemuCapability.ChardevReconnect, QemuCapability.ChardevLogfile,
        QemuCapability.PcieRootPort, QemuCapability.PciePciBridge, QemuCapability.VirtioPciOptions,
        QemuCapability.AcpiIndex, QemuCapability.SplashTimeout, QemuCapability.PiixAcpiRootPciHotplug, QemuCapability.NumaHmat,
        QemuCapability.PrManagerHelper, QemuCapability.BootStrict, QemuCapability.CompatDeprecated,
    ];

    /// <summary>
    /// Legacy options whose absence is worth telling a person (<c>probe</c> lists the ones a binary
    /// lacks): each once decided a syntax the builder still writes for old emulators.
    /// </summary>
    public static readonly ImmutableArray<(QemuCapability Capability, string Option)> NotableLegacy =
    [
        (QemuCapability.Kvm, "-no-kvm"),
        (QemuCapability.Kqemu, "-no-kqemu"),
        (QemuCapability.Nodefconfig, "-nodefconfig"),
        (QemuCapability.PciDevice, "-pcidevice"),
        (QemuCapability.DriveBoot, "-drive boot=on"),
        (QemuCapability.Mlock, "-realtime mlock="),
        (QemuCapability.Sdl, "-sdl"),
        (QemuCapability.Balloon, "-balloon"),
        (QemuCapability.NoKvmPit, "-no-kvm-pit-reinjection"),
        (QemuCapability.Tdf, "-tdf"),
        (QemuCapability.RtcTdHack, "-rtc-td-hack"),
        (QemuCapability.DriveSerial, "-drive serial="),
        (QemuCapability.Domid, "-domid"),
    ];

    /// <summary>The capabilities whose rule holds for <paramref name="probe"/>.</summary>
    public static QemuCapabilitySet Capabilities(ProbeResult probe)
    {
        // A loop, not Where and Select: each call site of a LINQ iterator is resolved at its first use, and this runs once a process.
        var held = new List<QemuCapability>(Rules.Length);
        foreach (var rule in Rules)
            if (rule.Holds(probe)) held.Add(rule.Capability);
        return QemuCapabilitySet.Of(held);
    }

    /// <summary>
    /// The emulator as the command-line builder sees it. Machines keep the probe's order; each alias
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
            // Made when a build first asks: most never do, and a probe cache entry's views are read only then too.
            AcceleratorCpusSource = new AcceleratorCpusSource(() => AcceleratorCpus(probe), probe.AcceleratorCpusSource),
            DeviceTypes = probe.DeviceTypes,
            AudiodevDrivers = AudiodevDrivers(probe),
        };
    }

    /// <summary>The probe's CPU views by the accelerators the builder knows (an unknown accelerator name is left out).</summary>
    private static ImmutableDictionary<QemuAccelerator, AcceleratorCpus> AcceleratorCpus(ProbeResult probe)
    {
        var byAccelerator = ImmutableDictionary.CreateBuilder<QemuAccelerator, AcceleratorCpus>();
        foreach (var cpus in probe.AcceleratorCpus)
        {
            if (!QemuAcceleratorNames.Table.TryParse(cpus.Accelerator, out var accelerator)) continue;
            byAccelerator[accelerator] = new AcceleratorCpus
            {
                Definitions = [.. cpus.Definitions.Select(d => new CpuDefinition(d.Name)
                {
                    AliasOf = d.AliasOf, Static = d.Static, MigrationSafe = d.MigrationSafe, Deprecated = d.Deprecated,
                    UnavailableFeatures = d.UnavailableFeatures,
                })],
                ExpandedModel = cpus.ExpandedModel,
                FeaturesOn = cpus.FeaturesOn,
                FeaturesOff = cpus.FeaturesOff,
            };
        }
        return byAccelerator.ToImmutable();
    }

    /// <summary>
    /// The <c>-audiodev</c> drivers from <c>-help</c>: one synopsis per driver (<c>alsa,id=id[,prop[=value][,...]]</c>),
    /// after the generic <c>[driver=]driver,...</c> one.
    /// </summary>
    private static ImmutableArray<string> AudiodevDrivers(ProbeResult probe)
    {
        if (!probe.HelpOptions.TryGetValue("audiodev", out var synopses)) return [];
        var drivers = ImmutableArray.CreateBuilder<string>(synopses.Length);
        foreach (var synopsis in synopses)
        {
            if (synopsis.StartsWith('[')) continue;
            var comma = synopsis.IndexOf(',', StringComparison.Ordinal);
            var driver = comma < 0 ? synopsis : synopsis[..comma];
            if (driver.Length > 0 && !drivers.Contains(driver)) drivers.Add(driver);
        }
        return drivers.DrainToImmutable();
    }
}
