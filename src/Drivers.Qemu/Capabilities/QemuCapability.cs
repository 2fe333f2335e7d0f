namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// A feature of a QEMU binary that changes what command line libvirt builds for it. The ids are
/// stable; each one's serialized name is libvirt's capability name (<c>drive</c>, <c>device</c>,
/// <c>monitor-json</c>, <c>virtio-blk-pci.event_idx</c>, ...), held in <see cref="QemuCapabilityNames"/>.
/// The list is libvirt's as of the 0.10.2 series (as shipped in RHEL 6, which backported a few later
/// ones such as <c>mlock</c> and <c>vnc-share-policy</c>), in libvirt's own order.
/// </summary>
public enum QemuCapability
{
    Kqemu,
    VncColon,
    NoReboot,
    Drive,
    DriveBoot,
    Name,
    Uuid,
    Domid,
    VnetHdr,
    MigrateKvmStdio,
    MigrateQemuTcp,
    MigrateQemuExec,
    DriveCacheV2,
    Kvm,
    DriveFormat,
    Vga,
    Qemu0_10,
    PciDevice,
    MemPath,
    DriveSerial,
    XenDomid,
    MigrateQemuUnix,
    Chardev,
    EnableKvm,
    MonitorJson,
    Balloon,
    Device,
    Sdl,
    SmpTopology,
    Netdev,
    Rtc,
    VhostNet,
    RtcTdHack,
    NoHpet,
    NoKvmPit,
    Tdf,
    PciConfigfd,
    Nodefconfig,
    BootMenu,
    EnableKqemu,
    Fsdev,
    Nesting,
    NameProcess,
    DriveReadonly,
    SmbiosType,
    VgaQxl,
    Spice,
    VgaNone,
    MigrateQemuFd,
    BootIndex,
    HdaDuplex,
    DriveAio,
    PciMultibus,
    PciBootindex,
    CcidEmulated,
    CcidPassthru,
    ChardevSpicevmc,
    DeviceSpicevmc,
    VirtioTxAlg,
    DeviceQxlVga,
    PciMultifunction,
    VirtioBlkPciIoeventfd,
    Sga,
    VirtioBlkPciEventIdx,
    VirtioNetPciEventIdx,
    CacheDirectsync,
    Piix3UsbUhci,
    Piix4UsbUhci,
    UsbEhci,
    Ich9UsbEhci1,
    Vt82c686bUsbUhci,
    PciOhci,
    UsbRedir,
    UsbHub,
    NoShutdown,
    CacheUnsafe,
    Rombar,
    Ich9Ahci,
    NoAcpi,
    FsdevReadonly,
    VirtioBlkPciScsi,
    BlkSgIo,
    DriveCopyOnRead,
    CpuHost,
    FsdevWriteout,
    DriveIotune,
    SystemWakeup,
    ScsiDiskChannel,
    ScsiBlock,
    Transaction,
    BlockJobSync,
    BlockJobAsync,
    ScsiCd,
    IdeCd,
    NoUserConfig,
    HdaMicro,
    DumpGuestMemory,
    NecUsbXhci,
    VirtioS390,
    BalloonEvent,
    Bridge,
    Lsi,
    VirtioScsiPci,
    Blockio,
    DisableS3,
    DisableS4,
    UsbRedirFilter,
    IdeDriveWwn,
    ScsiDiskWwn,
    SeccompSandbox,
    RebootTimeout,
    DumpGuestCore,
    SeamlessMigration,
    BlockCommit,
    Vnc,
    DriveMirror,
    UsbRedirBootindex,
    UsbHostBootindex,
    BlockdevSnapshotSync,
    Qxl,
    VgaDevice,
    CirrusVga,
    VmwareSvga,
    DeviceVideoPrimary,
    S390Sclp,
    UsbSerial,
    UsbNet,
    AddFd,
    NbdServer,
    VirtioRng,
    RngRandom,
    RngEgd,
    VirtioCcw,
    Dtb,
    Megasas,
    Ipv6Migration,
    MachineOpt,
    MachineUsbOpt,
    TpmPassthrough,
    TpmTis,
    Nvram,
    PciBridge,
    VfioPci,
    VfioPciBootindex,
    ScsiGeneric,
    ScsiGenericBootindex,
    MemMerge,
    VncWebsocket,
    DriveDiscard,
    Mlock,
    VncSharePolicy,

    // Capabilities that libvirt 0.10.2 never knew: what a modern QEMU has and an old one had not.
    // Probing sets them (ProbeCapabilityRules); no legacy capability set contains them, so the
    // reference output for old emulators is unchanged. Their names are ours where libvirt has none.

    /// <summary><c>accel</c>: the <c>-accel tcg|kvm</c> option chooses the accelerator (instead of <c>-enable-kvm</c>/<c>-no-kvm</c>).</summary>
    Accel,

    /// <summary><c>audiodev</c>: <c>-audiodev</c> backends; sound devices name theirs with <c>audiodev=</c> (no <c>QEMU_AUDIO_*</c> variables, no <c>-soundhw</c>).</summary>
    Audiodev,

    /// <summary><c>blockdev</c>: <c>-blockdev</c> describes block nodes separately from <c>-drive</c>.</summary>
    Blockdev,

    /// <summary><c>device.json</c>: <c>-device</c> accepts a JSON object as well as key=value options.</summary>
    DeviceJson,

    /// <summary><c>overcommit</c>: <c>-overcommit mem-lock=on|off</c> replaces <c>-realtime mlock=</c>.</summary>
    Overcommit,

    /// <summary>
    /// <c>explicit-booleans</c>: short-form boolean options (<c>server</c>, <c>nowait</c>) are deprecated
    /// (QEMU 6.0); every boolean is written <c>name=on|off</c>.
    /// </summary>
    ExplicitBooleans,

    /// <summary>
    /// <c>floppy</c>: floppy drives are <c>-device floppy,unit=N,drive=ID</c> on the controller's floppy bus
    /// (the <c>isa-fdc.driveA</c>/<c>driveB</c> properties are gone, QEMU 6.0).
    /// </summary>
    DeviceFloppy,

    /// <summary>
    /// <c>memory-backend-ram</c>: guest NUMA nodes get their memory from <c>-object memory-backend-ram</c>
    /// named by <c>-numa node,memdev=</c>; current machine types refuse <c>-numa node,mem=</c> (QEMU 5.1).
    /// </summary>
    MemoryBackendRam,

    /// <summary>
    /// <c>device-geometry</c>: a disk's geometry (<c>cyls</c>, <c>heads</c>, <c>secs</c>, <c>bios-chs-trans</c>) is a
    /// property of its device; <c>-drive</c> no longer takes it (QEMU 3.0).
    /// </summary>
    DeviceGeometry,

    /// <summary>
    /// <c>guestfwd-chardev</c>: a guest forward names its character device inside the rule
    /// (<c>guestfwd=tcp:ADDR:PORT-chardev:ID</c>); the separate <c>chardev=</c> parameter is gone.
    /// </summary>
    GuestfwdChardev,

    /// <summary>
    /// <c>wwn-integer</c>: a disk's <c>wwn</c> property is an integer, so its hexadecimal value carries the <c>0x</c> prefix.
    /// </summary>
    WwnInteger,

    /// <summary>
    /// <c>machine-graphics</c>: <c>-machine graphics=off</c> makes the firmware talk on the serial port, replacing
    /// the deprecated <c>-device sga</c> (QEMU 6.2).
    /// </summary>
    MachineGraphics,

    /// <summary>
    /// <c>chardev-serial</c>: host serial and parallel ports are the <c>serial</c> and <c>parallel</c> chardev
    /// backends; their aliases <c>tty</c> and <c>parport</c> are deprecated (QEMU 6.0).
    /// </summary>
    ChardevSerial,

    /// <summary>
    /// <c>tls-creds-x509</c>: TLS credentials are an <c>-object tls-creds-x509</c> that VNC names with
    /// <c>tls-creds=</c>; the old <c>-vnc tls,x509=</c> options are gone (QEMU 4.0).
    /// </summary>
    TlsCredsX509,

    /// <summary>
    /// <c>query-cpu-model-expansion</c>: the emulator describes its CPU models per accelerator (their
    /// unavailable features, the full <c>host</c>/<c>max</c> expansion), so a guest CPU is checked
    /// against those and written with QEMU's own feature names (<c>-cpu MODEL,feature=on</c>), not
    /// against libvirt 0.10.2's CPU map and the host CPU.
    /// </summary>
    CpuModelExpansion,

    /// <summary>
    /// <c>action</c>: <c>-action watchdog=...</c> says what a watchdog's expiry does (with <c>inject-nmi</c>), replacing
    /// the deprecated <c>-watchdog-action</c> (QEMU 6.0).
    /// </summary>
    Action,

    /// <summary><c>rng-builtin</c>: the <c>rng-builtin</c> object, QEMU's own random number source (QEMU 4.2).</summary>
    RngBuiltin,

    /// <summary><c>tpm-emulator</c>: <c>-tpmdev emulator</c> reaches a TPM emulator (swtpm) over a chardev (QEMU 2.11).</summary>
    TpmEmulator,

    /// <summary><c>netdev-stream</c>: <c>-netdev stream</c> connects a NIC to a stream socket (passt's unix socket), QEMU 7.2.</summary>
    NetdevStream,

    /// <summary><c>netdev-vhost-user</c>: <c>-netdev vhost-user</c> hands the NIC's queues to a vhost-user back-end over a chardev.</summary>
    NetdevVhostUser,

    /// <summary><c>netdev-vhost-vdpa</c>: <c>-netdev vhost-vdpa,vhostdev=</c> opens a vDPA device itself.</summary>
    NetdevVhostVdpa,

    /// <summary>
    /// <c>netdev-bridge-helper</c>: <c>-netdev bridge,br=</c> runs qemu-bridge-helper, which puts a tap on the bridge.
    /// The back-end is old; the name marks the emulators for which the driver chooses it over a tap passed by
    /// descriptor (libvirt 0.10.2's way, which legacy sets keep refusing).
    /// </summary>
    NetdevBridgeHelper,

    /// <summary>
    /// <c>egl-headless</c>: <c>-display egl-headless</c> renders the guest's OpenGL on the host's GPU without a window,
    /// beside a VNC or SPICE server that shows the result.
    /// </summary>
    EglHeadless,

    /// <summary>
    /// <c>video-max-outputs</c>: QXL and virtio video cards take <c>max_outputs</c> (the XML's heads), and QXL the
    /// <c>vgamem_mb</c> and <c>vram64_size_mb</c> sizes.
    /// </summary>
    VideoMaxOutputs,

    /// <summary><c>chardev-spiceport</c>: the <c>spiceport</c> chardev backend, a named port of the SPICE session.</summary>
    ChardevSpiceport,

    /// <summary><c>chardev-qemu-vdagent</c>: the <c>qemu-vdagent</c> chardev backend, QEMU's own clipboard and mouse agent (QEMU 6.1).</summary>
    ChardevQemuVdagent,

    /// <summary><c>chardev-file-append</c>: a <c>file</c> chardev takes <c>append=on</c>.</summary>
    ChardevFileAppend,

    /// <summary><c>chardev-reconnect</c>: a client <c>socket</c> chardev takes <c>reconnect=SECONDS</c>.</summary>
    ChardevReconnect,

    /// <summary><c>chardev-logfile</c>: every chardev takes <c>logfile=</c> and <c>logappend=</c>.</summary>
    ChardevLogfile,

    /// <summary>
    /// <c>pcie-root-port</c>: the generic PCI Express root port device. A PCI Express machine (q35) then gets
    /// libvirt 9's topology: each PCI Express device behind a root port of its own, bus names as QEMU has them
    /// (<c>pcie.0</c>, <c>pci.N</c>); a PCI machine keeps the root bus, slot 2 held only for a video card.
    /// </summary>
    PcieRootPort,

    /// <summary>
    /// <c>pcie-pci-bridge</c>: a conventional PCI bus behind a PCI Express port; without it, conventional devices
    /// of a q35 guest sit behind a <c>dmi-to-pci-bridge</c> and a <c>pci-bridge</c>.
    /// </summary>
    PciePciBridge,

    /// <summary>
    /// <c>virtio-pci-options</c>: virtio PCI devices take the transport options <c>iommu_platform</c>, <c>ats</c>,
    /// <c>packed</c> and <c>page-per-vq</c> (packed rings came last, QEMU 4.2).
    /// </summary>
    VirtioPciOptions,

    /// <summary>
    /// <c>acpi-index</c>: PCI devices take the index by which the guest's ACPI tables name them (QEMU 6.1), the
    /// <c>&lt;acpi index&gt;</c> of libvirt 9.
    /// </summary>
    AcpiIndex,

    /// <summary><c>splash-time</c> of <c>-boot</c>: how long the firmware's boot menu waits (<c>&lt;bootmenu timeout&gt;</c>).</summary>
    SplashTimeout,

    /// <summary>
    /// <c>piix4.acpi-root-pci-hotplug</c>: the PC's ACPI device can turn off hotplug on the root PCI bus
    /// (<c>&lt;controller type='pci' model='pci-root'&gt;&lt;target hotplug='off'/&gt;</c>).
    /// </summary>
    PiixAcpiRootPciHotplug,

    /// <summary>
    /// <c>numa.hmat</c>: the machine describes NUMA performance to the guest (ACPI HMAT, QEMU 5.0): <c>-machine hmat=on</c>,
    /// each node's <c>initiator=</c>, <c>-numa hmat-lb</c> latencies and bandwidths, <c>-numa hmat-cache</c> memory-side caches.
    /// </summary>
    NumaHmat,

    /// <summary>
    /// <c>pr-manager-helper</c>: the object through which a host device's SCSI persistent reservations reach a qemu-pr-helper
    /// (<c>&lt;reservations&gt;</c>, QEMU 2.11).
    /// </summary>
    PrManagerHelper,

    /// <summary>
    /// <c>boot-strict</c>: <c>-boot strict=on</c>, the firmware boots only from the devices the boot order names instead of
    /// falling back to any other (libvirt 9 always asks for it).
    /// </summary>
    BootStrict,

    /// <summary>
    /// <c>compat-deprecated</c>: <c>-compat deprecated-input=...,deprecated-output=...</c>, how QEMU treats deprecated
    /// commands and arguments it is given and deprecated fields it reports (QEMU 6.0; <c>&lt;qemu:deprecation&gt;</c>).
    /// </summary>
    CompatDeprecated,
}
