using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// Everything about the host that the QEMU command line depends on besides the domain and the
/// emulator: driver configuration as in qemu.conf (VNC, SPICE, huge pages, folders, monitor), the
/// process environment, secrets, and the host's capabilities and CPU map. The defaults are those of
/// a stock libvirt host. Loaded from JSON with <see cref="HostSettingsFile"/>.
/// </summary>
public sealed record HostSettings
{
    public static HostSettings Default { get; } = new();

    public VncHostSettings Vnc { get; init; } = new();

    public SpiceHostSettings Spice { get; init; } = new();

    /// <summary>Where hugetlbfs is mounted; null when huge pages are not available.</summary>
    public string? HugetlbfsMount { get; init; }

    /// <summary>The folder under the mount where guest memory files go (<c>-mem-path</c>); null derives <c>{mount}/libvirt/qemu</c>.</summary>
    public string? HugepagePath { get; init; }

    /// <summary>The effective huge page folder, or null without a hugetlbfs mount.</summary>
    public string? ResolvedHugepagePath => HugepagePath ?? (HugetlbfsMount is null ? null : $"{HugetlbfsMount}/libvirt/qemu");

    /// <summary>Runtime state (pid files, sockets): qemu.conf's state folder.</summary>
    public string StateDirectory { get; init; } = "/var/run/libvirt/qemu";

    /// <summary>Persistent driver data (monitor sockets by default).</summary>
    public string LibDirectory { get; init; } = "/var/lib/libvirt/qemu";

    public MonitorSettings Monitor { get; init; } = new();

    public ProcessEnvironment Environment { get; init; } = ProcessEnvironment.Default;

    public ImmutableArray<HostSecret> Secrets { get; init; } = [];

    /// <summary>The console target type a <c>&lt;console&gt;</c> without one gets (libvirt's host default is <c>serial</c>).</summary>
    public string DefaultConsoleTargetType { get; init; } = "serial";

    public HostCapabilities? Capabilities { get; init; }

    public CpuMap? CpuMap { get; init; }

    /// <summary>
    /// The host's firmware images from QEMU's firmware description files, highest priority first: what
    /// <c>&lt;os firmware='efi|bios'&gt;</c> chooses from, and where a pflash loader's variable store template is looked up.
    /// </summary>
    public ImmutableArray<FirmwareDescription> Firmware { get; init; } = [];

    /// <summary>
    /// The host's SCSI generic devices by SCSI address (<c>HOST:BUS:TARGET:UNIT</c>, the kernel's name of the LUN): where
    /// a host SCSI LUN a domain passes through (<c>&lt;hostdev type='scsi'&gt;&lt;adapter name='scsi_hostN'/&gt;</c>) is
    /// opened, <c>/dev/sgM</c>. Read from the host for a domain that has one; empty otherwise.
    /// </summary>
    public ImmutableDictionary<string, string> ScsiGenericDevices { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Where file-backed guest memory (<c>&lt;memoryBacking&gt;&lt;source type='file'&gt;</c>) is kept: qemu.conf's memory_backing_dir.</summary>
    public string MemoryBackingDirectory => $"{LibDirectory}/ram";

    /// <summary>
    /// Where a domain's UEFI variable store goes when its <c>&lt;nvram&gt;</c> names no file (qemu.conf's nvram folder):
    /// the one given (a launcher keeps stores apart from its per-run files), else <c>{LibDirectory}/nvram</c>.
    /// </summary>
    public string NvramDirectory
    {
        get => _nvramDirectory ?? $"{LibDirectory}/nvram";
        init => _nvramDirectory = value;
    }

    private readonly string? _nvramDirectory;

    public HostSecret? FindSecret(SecretUsageType usageType, string usage) =>
        Secrets.FirstOrDefault(s => s.UsageType == usageType && s.Usage == usage);
}
