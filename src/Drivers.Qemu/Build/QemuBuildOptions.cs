namespace DomainLauncher.Drivers.Qemu.Build;

/// <summary>
/// What the caller knows about this particular start of a domain, beside the domain, the emulator
/// and the host: the running domain's id, an incoming migration, and whether devices without a PCI
/// address get one before the command line is built.
/// </summary>
public sealed record QemuBuildOptions
{
    public static QemuBuildOptions Default { get; } = new();

    /// <summary>The id of the running domain (<c>-domid</c>), or null for none.</summary>
    public int? DomainId { get; init; }

    /// <summary>Incoming migration source (<c>stdio</c>, <c>tcp:host:port</c>, <c>exec:cmd</c>, <c>fd:N</c>), or null.</summary>
    public string? MigrateFrom { get; init; }

    /// <summary>The file descriptor an incoming <c>stdio</c> or <c>fd</c> migration reads from, or null.</summary>
    public int? MigrateFd { get; init; }

    /// <summary>Devices without an address get PCI addresses (libvirt does this whenever QEMU has <c>-device</c>).</summary>
    public bool AssignPciAddresses { get; init; } = true;

    /// <summary>
    /// This host's <c>/dev/kvm</c> can be opened. With an emulator that takes <c>-accel</c>, a <c>kvm</c>
    /// domain runs under KVM only when this holds; emulators without <c>-accel</c> ignore it.
    /// </summary>
    public bool KvmUsable { get; init; }

    /// <summary>
    /// Whether a domain of <paramref name="type"/> under <paramref name="accelerator"/> (null: not insisted on)
    /// depends on <see cref="KvmUsable"/>: only when KVM is asked for, or a <c>kvm</c> domain leaves the choice
    /// to the host. A caller may skip looking at the host's <c>/dev/kvm</c> otherwise.
    /// </summary>
    public static bool DependsOnKvm(Translator.Model.DomainType type, QemuAccelerator? accelerator) =>
        accelerator == QemuAccelerator.Kvm || (accelerator is null && type == Translator.Model.DomainType.Kvm);

    /// <summary>
    /// QEMU runs daemonized (<c>-daemonize</c>, as launch starts it): it refuses <c>-nographic</c>, so a guest
    /// without graphics gets <c>-display none</c> instead (the same thing beside <c>-nodefaults</c>).
    /// </summary>
    public bool Daemonized { get; init; }

    /// <summary>
    /// The vCPUs stay stopped once QEMU has set the guest up (<c>-S</c>) until a monitor command runs them, as
    /// libvirt always starts QEMU so as to configure the guest over QMP first. False (launch without
    /// <c>--paused</c>, which has nothing to say over QMP before the guest runs) lets QEMU run the guest itself.
    /// </summary>
    public bool StartPaused { get; init; } = true;

    /// <summary>The accelerator the user insists on (<c>--accel</c>), or null to follow the domain type and the host.</summary>
    public QemuAccelerator? Accelerator { get; init; }

    /// <summary>
    /// The command line will be started here and now (check, launch): refuse up front what this emulator
    /// or the machine cannot have (a device type, machine type or CPU model the emulator lacks; a third
    /// IDE bus; a read-only IDE hard disk; a USB port the controller lacks; more BIOS boot devices than the
    /// PC holds), each at its element, instead of building a command line QEMU would fail on. Off for
    /// to-native, which writes what libvirt would, possible or not.
    /// </summary>
    public bool RefuseUnfit { get; init; }

    /// <summary>Refuse a tainted domain (raw <c>&lt;qemu:commandline&gt;</c> arguments or environment) instead of passing its words to QEMU unchecked.</summary>
    public bool RefuseTainted { get; init; }

    /// <summary>
    /// The VM generation ID for an empty <c>&lt;genid/&gt;</c>, made by the caller (a GUID is random; the driver is pure
    /// and never makes one). Without it such a domain is refused.
    /// </summary>
    public Guid? GeneratedGenerationId { get; init; }

    /// <summary>
    /// The vsock context id for <c>&lt;cid auto='yes'/&gt;</c>, picked by the caller among the host's free ones (the
    /// driver cannot ask the host). Without it such a domain is refused.
    /// </summary>
    public uint? GuestCid { get; init; }
}
