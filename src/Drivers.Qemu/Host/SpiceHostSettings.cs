namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>The driver's SPICE configuration (qemu.conf's <c>spice_*</c> settings), with libvirt's defaults.</summary>
public sealed record SpiceHostSettings
{
    /// <summary>Address SPICE servers listen on when a graphics element names none; null leaves it to QEMU.</summary>
    public string? Listen { get; init; } = "127.0.0.1";

    public bool Tls { get; init; }

    public string TlsX509CertDir { get; init; } = "/etc/pki/libvirt-spice";

    /// <summary>The password used when a graphics element sets none; null for none.</summary>
    public string? Password { get; init; }
}
