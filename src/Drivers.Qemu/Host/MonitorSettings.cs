namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// The character device through which libvirt talks to QEMU's monitor: a UNIX socket that QEMU
/// listens on (server, nowait), in the human (readline) or JSON (QMP) flavour.
/// </summary>
public sealed record MonitorSettings
{
    /// <summary>The socket path; null means <c>{LibDirectory}/{domain name}.monitor</c>.</summary>
    public string? Path { get; init; }

    /// <summary>QEMU is the server end of the socket (<c>server,nowait</c>).</summary>
    public bool Listen { get; init; } = true;

    /// <summary>JSON (QMP) rather than human monitor; null decides by the emulator's <c>monitor-json</c> capability.</summary>
    public bool? Json { get; init; }

    /// <summary>The socket path for a domain.</summary>
    public string PathFor(string domainName, string libDirectory) => Path ?? $"{libDirectory}/{domainName}.monitor";
}
