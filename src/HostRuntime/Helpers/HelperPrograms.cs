namespace DomainLauncher.HostRuntime.Helpers;

/// <summary>
/// The helper programs of this host: swtpm and swtpm_setup (Debian's swtpm and swtpm-tools), virtiofsd
/// (the Rust one in /usr/libexec, or the one Debian's QEMU ships in /usr/lib/qemu), and setsid, which
/// gives a helper a session of its own so that closing the terminal a launch ran in does not hang it up.
/// Null where a program is not installed.
/// </summary>
public sealed record HelperPrograms
{
    private static readonly string[] VirtiofsdPlaces = ["/usr/libexec/virtiofsd", "/usr/lib/qemu/virtiofsd"];

    public string? Swtpm { get; init; }

    public string? SwtpmSetup { get; init; }

    public string? Virtiofsd { get; init; }

    public string? Setsid { get; init; }

    /// <summary>qemu-storage-daemon, which serves a block image to QEMU as a vhost-user-blk device (check's stand-in for a domain's own backend).</summary>
    public string? StorageDaemon { get; init; }

    /// <summary>qemu-pr-helper, which carries out a guest's SCSI persistent reservations on the host's devices.</summary>
    public string? PrHelper { get; init; }

    /// <summary>We run as root: virtiofsd's sandbox (namespaces, or chroot) needs it.</summary>
    public bool IsRoot { get; init; }

    public static HelperPrograms OfThisHost() => new()
    {
        Swtpm = OnPath("swtpm"),
        SwtpmSetup = OnPath("swtpm_setup"),
        Virtiofsd = VirtiofsdPlaces.FirstOrDefault(File.Exists) ?? OnPath("virtiofsd"),
        Setsid = OnPath("setsid"),
        StorageDaemon = OnPath("qemu-storage-daemon"),
        PrHelper = OnPath("qemu-pr-helper"),
        IsRoot = Environment.IsPrivilegedProcess,
    };

    /// <summary>Why a TPM emulator cannot be started here, or null when it can.</summary>
    public string? SwtpmUnavailable =>
        Swtpm is null ? "swtpm is not installed (Debian: apt-get install swtpm swtpm-tools)"
        : SwtpmSetup is null ? "swtpm_setup is not installed (Debian: apt-get install swtpm-tools)"
        : null;

    /// <summary>Why a vhost-user-blk export cannot be served here, or null when it can.</summary>
    public string? StorageDaemonUnavailable =>
        StorageDaemon is null ? "qemu-storage-daemon is not installed (Debian: it comes with qemu-system-common)" : null;

    /// <summary>Why qemu-pr-helper cannot be started here, or null when it can.</summary>
    public string? PrHelperUnavailable =>
        PrHelper is null ? "qemu-pr-helper is not installed (Debian: it comes with qemu-system-common)" : null;

    /// <summary>Why virtiofsd (the given one, else this host's) cannot be started here, or null when it can.</summary>
    public string? VirtiofsdUnavailable(string? binary = null) =>
        (binary ?? Virtiofsd) is not { } path || !File.Exists(path)
            ? $"virtiofsd is not installed{(binary is null ? " (looked for " + string.Join(", ", VirtiofsdPlaces) + " and on PATH)" : $" at '{binary}'")}"
        : !IsRoot ? "virtiofsd runs its sandbox (namespaces or chroot) as root only, and this launch is not root"
        : null;

    /// <summary>The first executable file of that name in a folder of PATH, else null.</summary>
    public static string? OnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") is { Length: > 0 } p ? p : "/usr/local/bin:/usr/bin:/bin";
        foreach (var folder in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
