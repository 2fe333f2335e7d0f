namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>The one two-way table between <see cref="QemuCapability"/> ids and libvirt's capability names.</summary>
public static class QemuCapabilityNames
{
    private static readonly (string Name, QemuCapability Capability)[] Entries =
    [
        ("kqemu", QemuCapability.Kqemu),
        ("vnc-colon", QemuCapability.VncColon),
        ("no-reboot", QemuCapability.NoReboot),
        ("drive", QemuCapability.Drive),
        ("drive-boot", QemuCapability.DriveBoot),
        ("name", QemuCapability.Name),
        ("uuid", QemuCapability.Uuid),
        ("domid", QemuCapability.Domid),
        ("vnet-hdr", QemuCapability.VnetHdr),
        ("migrate-kvm-stdio", QemuCapability.MigrateKvmStdio),
        ("migrate-qemu-tcp", QemuCapability.MigrateQemuTcp),
        ("migrate-qemu-exec", QemuCapability.MigrateQemuExec),
        ("drive-cache-v2", QemuCapability.DriveCacheV2),
        ("kvm", QemuCapability.Kvm),
        ("drive-format", QemuCapability.DriveFormat),
        ("vga", QemuCapability.Vga),
        ("0.10", QemuCapability.Qemu0_10),
        ("pci-device", QemuCapability.PciDevice),
        ("mem-path", QemuCapability.MemPath),
        ("drive-serial", QemuCapability.DriveSerial),
        ("xen-domid", QemuCapability.XenDomid),
        ("migrate-qemu-unix", QemuCapability.MigrateQemuUnix),
        ("chardev", QemuCapability.Chardev),
        ("enable-kvm", QemuCapability.EnableKvm),
        ("monitor-json", QemuCapability.MonitorJson),
        ("balloon", QemuCapability.Balloon),
        ("device", QemuCapability.Device),
        ("sdl", QemuCapability.Sdl),
        ("smp-topology", QemuCapability.SmpTopology),
        ("netdev", QemuCapability.Netdev),
        ("rtc", QemuCapability.Rtc),
        ("vhost-net", QemuCapability.VhostNet),
        ("rtc-td-hack", QemuCapability.RtcTdHack),
        ("no-hpet", QemuCapability.NoHpet),
        ("no-kvm-pit", QemuCapability.NoKvmPit),
        ("tdf", QemuCapability.Tdf),
        ("pci-configfd", QemuCapability.PciConfigfd),
        ("nodefconfig", QemuCapability.Nodefconfig),
        ("boot-menu", QemuCapability.BootMenu),
        ("enable-kqemu", QemuCapability.EnableKqemu),
        ("fsdev", QemuCapability.Fsdev),
        ("nesting", QemuCapability.Nesting),
        ("name-process", QemuCapability.NameProcess),
        ("drive-readonly", QemuCapability.DriveReadonly),
        ("smbios-type", QemuCapability.SmbiosType),
        ("vga-qxl", QemuCapability.VgaQxl),
        ("spice", QemuCapability.Spice),
        ("vga-none", QemuCapability.VgaNone),
        ("migrate-qemu-fd", QemuCapability.MigrateQemuFd),
        ("boot-index", QemuCapability.BootIndex),
        ("hda-duplex", QemuCapability.HdaDuplex),
        ("drive-aio", QemuCapability.DriveAio),
        ("pci-multibus", QemuCapability.PciMultibus),
        ("pci-bootindex", QemuCapability.PciBootindex),
        ("ccid-emulated", QemuCapability.CcidEmulated),
        ("ccid-passthru", QemuCapability.CcidPassthru),
        ("chardev-spicevmc", QemuCapability.ChardevSpicevmc),
        ("device-spicevmc", QemuCapability.DeviceSpicevmc),
        ("virtio-tx-alg", QemuCapability.VirtioTxAlg),
        ("device-qxl-vga", QemuCapability.DeviceQxlVga),
        ("pci-multifunction", QemuCapability.PciMultifunction),
        ("virtio-blk-pci.ioeventfd", QemuCapability.VirtioBlkPciIoeventfd),
        ("sga", QemuCapability.Sga),
        ("virtio-blk-pci.event_idx", QemuCapability.VirtioBlkPciEventIdx),
        ("virtio-net-pci.event_idx", QemuCapability.VirtioNetPciEventIdx),
        ("cache-directsync", QemuCapability.CacheDirectsync),
        ("piix3-usb-uhci", QemuCapability.Piix3UsbUhci),
        ("piix4-usb-uhci", QemuCapability.Piix4UsbUhci),
        ("usb-ehci", QemuCapability.UsbEhci),
        ("ich9-usb-ehci1", QemuCapability.Ich9UsbEhci1),
        ("vt82c686b-usb-uhci", QemuCapability.Vt82c686bUsbUhci),
        ("pci-ohci", QemuCapability.PciOhci),
        ("usb-redir", QemuCapability.UsbRedir),
        ("usb-hub", QemuCapability.UsbHub),
        ("no-shutdown", QemuCapability.NoShutdown),
        ("cache-unsafe", QemuCapability.CacheUnsafe),
        ("rombar", QemuCapability.Rombar),
        ("ich9-ahci", QemuCapability.Ich9Ahci),
        ("no-acpi", QemuCapability.NoAcpi),
        ("fsdev-readonly", QemuCapability.FsdevReadonly),
        ("virtio-blk-pci.scsi", QemuCapability.VirtioBlkPciScsi),
        ("blk-sg-io", QemuCapability.BlkSgIo),
        ("drive-copy-on-read", QemuCapability.DriveCopyOnRead),
        ("cpu-host", QemuCapability.CpuHost),
        ("fsdev-writeout", QemuCapability.FsdevWriteout),
        ("drive-iotune", QemuCapability.DriveIotune),
        ("system_wakeup", QemuCapability.SystemWakeup),
        ("scsi-disk.channel", QemuCapability.ScsiDiskChannel),
        ("scsi-block", QemuCapability.ScsiBlock),
        ("transaction", QemuCapability.Transaction),
        ("block-job-sync", QemuCapability.BlockJobSync),
        ("block-job-async", QemuCapability.BlockJobAsync),
        ("scsi-cd", QemuCapability.ScsiCd),
        ("ide-cd", QemuCapability.IdeCd),
        ("no-user-config", QemuCapability.NoUserConfig),
        ("hda-micro", QemuCapability.HdaMicro),
        ("dump-guest-memory", QemuCapability.DumpGuestMemory),
        ("nec-usb-xhci", QemuCapability.NecUsbXhci),
        ("virtio-s390", QemuCapability.VirtioS390),
        ("balloon-event", QemuCapability.BalloonEvent),
        ("bridge", QemuCapability.Bridge),
        ("lsi", QemuCapability.Lsi),
        ("virtio-scsi-pci", QemuCapability.VirtioScsiPci),
        ("blockio", QemuCapability.Blockio),
        ("disable-s3", QemuCapability.DisableS3),
        ("disable-s4", QemuCapability.DisableS4),
        ("usb-redir.filter", QemuCapability.UsbRedirFilter),
        ("ide-drive.wwn", QemuCapability.IdeDriveWwn),
        ("scsi-disk.wwn", QemuCapability.ScsiDiskWwn),
        ("seccomp-sandbox", QemuCapability.SeccompSandbox),
        ("reboot-timeout", QemuCapability.RebootTimeout),
        ("dump-guest-core", QemuCapability.DumpGuestCore),
        ("seamless-migration", QemuCapability.SeamlessMigration),
        ("block-commit", QemuCapability.BlockCommit),
        ("vnc", QemuCapability.Vnc),
        ("drive-mirror", QemuCapability.DriveMirror),
        ("usb-redir.bootindex", QemuCapability.UsbRedirBootindex),
        ("usb-host.bootindex", QemuCapability.UsbHostBootindex),
        ("blockdev-snapshot-sync", QemuCapability.BlockdevSnapshotSync),
        ("qxl", QemuCapability.Qxl),
        ("VGA", QemuCapability.VgaDevice),
        ("cirrus-vga", QemuCapability.CirrusVga),
        ("vmware-svga", QemuCapability.VmwareSvga),
        ("device-video-primary", QemuCapability.DeviceVideoPrimary),
        ("s390-sclp", QemuCapability.S390Sclp),
        ("usb-serial", QemuCapability.UsbSerial),
        ("usb-net", QemuCapability.UsbNet),
        ("add-fd", QemuCapability.AddFd),
        ("nbd-server", QemuCapability.NbdServer),
        ("virtio-rng", QemuCapability.VirtioRng),
        ("rng-random", QemuCapability.RngRandom),
        ("rng-egd", QemuCapability.RngEgd),
        ("virtio-ccw", QemuCapability.VirtioCcw),
        ("dtb", QemuCapability.Dtb),
        ("megasas", QemuCapability.Megasas),
        ("ipv6-migration", QemuCapability.Ipv6Migration),
        ("machine-opt", QemuCapability.MachineOpt),
        ("machine-usb-opt", QemuCapability.MachineUsbOpt),
        ("tpm-passthrough", QemuCapability.TpmPassthrough),
        ("tpm-tis", QemuCapability.TpmTis),
        ("nvram", QemuCapability.Nvram),
        ("pci-bridge", QemuCapability.PciBridge),
        ("vfio-pci", QemuCapability.VfioPci),
        ("vfio-pci.bootindex", QemuCapability.VfioPciBootindex),
        ("scsi-generic", QemuCapability.ScsiGeneric),
        ("scsi-generic.bootindex", QemuCapability.ScsiGenericBootindex),
        ("mem-merge", QemuCapability.MemMerge),
        ("vnc-websocket", QemuCapability.VncWebsocket),
        ("drive-discard", QemuCapability.DriveDiscard),
        ("mlock", QemuCapability.Mlock),
        ("vnc-share-policy", QemuCapability.VncSharePolicy),

        // After libvirt 0.10.2 (see QemuCapability).
        ("accel", QemuCapability.Accel),
        ("audiodev", QemuCapability.Audiodev),
        ("blockdev", QemuCapability.Blockdev),
        ("device.json", QemuCapability.DeviceJson),
        ("overcommit", QemuCapability.Overcommit),
        ("explicit-booleans", QemuCapability.ExplicitBooleans),
        ("floppy", QemuCapability.DeviceFloppy),
        ("memory-backend-ram", QemuCapability.MemoryBackendRam),
        ("device-geometry", QemuCapability.DeviceGeometry),
        ("guestfwd-chardev", QemuCapability.GuestfwdChardev),
        ("wwn-integer", QemuCapability.WwnInteger),
        ("machine-graphics", QemuCapability.MachineGraphics),
        ("chardev-serial", QemuCapability.ChardevSerial),
        ("tls-creds-x509", QemuCapability.TlsCredsX509),
        ("query-cpu-model-expansion", QemuCapability.CpuModelExpansion),
        ("action", QemuCapability.Action),
        ("rng-builtin", QemuCapability.RngBuiltin),
        ("tpm-emulator", QemuCapability.TpmEmulator),
        ("netdev-stream", QemuCapability.NetdevStream),
        ("netdev-vhost-user", QemuCapability.NetdevVhostUser),
        ("netdev-vhost-vdpa", QemuCapability.NetdevVhostVdpa),
        ("netdev-bridge-helper", QemuCapability.NetdevBridgeHelper),
        ("egl-headless", QemuCapability.EglHeadless),
        ("video-max-outputs", QemuCapability.VideoMaxOutputs),
        ("chardev-spiceport", QemuCapability.ChardevSpiceport),
        ("chardev-qemu-vdagent", QemuCapability.ChardevQemuVdagent),
        ("chardev-file-append", QemuCapability.ChardevFileAppend),
        ("chardev-reconnect", QemuCapability.ChardevReconnect),
        ("chardev-logfile", QemuCapability.ChardevLogfile),
        ("pcie-root-port", QemuCapability.PcieRootPort),
        ("pcie-pci-bridge", QemuCapability.PciePciBridge),
        ("virtio-pci-options", QemuCapability.VirtioPciOptions),
        ("acpi-index", QemuCapability.AcpiIndex),
        ("splash-timeout", QemuCapability.SplashTimeout),
        ("piix4.acpi-root-pci-hotplug", QemuCapability.PiixAcpiRootPciHotplug),
        ("numa.hmat", QemuCapability.NumaHmat),
        ("pr-manager-helper", QemuCapability.PrManagerHelper),
        ("boot-strict", QemuCapability.BootStrict),
        ("compat-deprecated", QemuCapability.CompatDeprecated),
    ];

    // Plain tables, cheap to build: the names are looked up a few dozen times in a run, not millions.
    // The name index is built at the first lookup by name, which a translation with the built-in
    // capabilities never makes (~45K instructions of a one-shot to-native's start otherwise).
    private static class NameIndex
    {
        public static readonly Dictionary<string, QemuCapability> ByName = NameTable();
    }

    /// <summary>Names by capability id (the ids run from 0 without gaps; a gap would hold null).</summary>
    private static readonly string?[] ByCapability = CapabilityTable();

    private static Dictionary<string, QemuCapability> NameTable()
    {
        var byName = new Dictionary<string, QemuCapability>(Entries.Length, StringComparer.Ordinal);
        foreach (var (name, capability) in Entries) byName.Add(name, capability);
        return byName;
    }

    private static string?[] CapabilityTable()
    {
        var highest = 0;
        foreach (var (_, capability) in Entries) highest = Math.Max(highest, (int)capability);
        var byCapability = new string?[highest + 1];
        foreach (var (name, capability) in Entries)
        {
            if (byCapability[(int)capability] is not null) throw new InvalidOperationException($"{capability} is named twice");
            byCapability[(int)capability] = name;
        }
        return byCapability;
    }

    /// <summary>Every capability name, in libvirt's order.</summary>
    public static IReadOnlyList<string> All { get; } = AllNames();

    private static string[] AllNames()
    {
        var names = new string[Entries.Length];
        for (var i = 0; i < Entries.Length; i++) names[i] = Entries[i].Name;
        return names;
    }

    /// <summary>The highest capability id.</summary>
    internal static int HighestId => ByCapability.Length - 1;

    /// <summary>Whether an id is a capability's (has a name).</summary>
    internal static bool IsCapability(int id) => (uint)id < (uint)ByCapability.Length && ByCapability[id] is not null;

    /// <summary>libvirt's name of a capability (names are case-sensitive: <c>vga</c> and <c>VGA</c> differ).</summary>
    public static string Name(QemuCapability capability) =>
        IsCapability((int)capability)
            ? ByCapability[(int)capability]!
            : throw new ArgumentOutOfRangeException(nameof(capability), capability, "not a QEMU capability");

    public static bool TryParse(string name, out QemuCapability capability) =>
        NameIndex.ByName.TryGetValue(name, out capability);
}
