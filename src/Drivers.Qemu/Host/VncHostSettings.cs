namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>The driver's VNC configuration (qemu.conf's <c>vnc_*</c> settings), with libvirt's defaults.</summary>
public sealed record VncHostSettings
{
    /// <summary>Address VNC servers listen on when a graphics element names none.</summary>
    public string Listen { get; init; } = "127.0.0.1";

    /// <summary>Listen on a UNIX socket in the state folder instead of TCP.</summary>
    public bool AutoUnixSocket { get; init; }

    public bool Tls { get; init; }

    public string TlsX509CertDir { get; init; } = "/etc/pki/libvirt-vnc";

    /// <summary>Require clients to present a certificate signed by the CA.</summary>
    public bool TlsX509Verify { get; init; }

    /// <summary>The password used when a graphics element sets none; null for none.</summary>
    public string? Password { get; init; }

    public bool Sasl { get; init; }

    /// <summary>The SASL configuration folder handed to QEMU (SASL_CONF_PATH); null keeps the system's.</summary>
    public string? SaslDir { get; init; }

    /// <summary>Let a VNC guest use the host's audio driver rather than none.</summary>
    public bool AllowHostAudio { get; init; }
}
