using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;source&gt;</c> of a disk: a closed family chosen by the disk's <c>type</c> (a file when
/// the type is absent). Every variant may carry per-device security label overrides.
/// </summary>
public abstract record DiskSource
{
    private protected DiskSource() { }

    public abstract DiskType Type { get; }

    /// <summary>Source-level <c>&lt;seclabel&gt;</c> overrides (model, relabel, label).</summary>
    public ImmutableArray<SecurityLabel> SecurityLabels { get; init; } = [];

    /// <summary><c>index</c>: the position of this image in the backing chain (status documents).</summary>
    public uint? Index { get; init; }

    /// <summary><c>&lt;slices&gt;&lt;slice type='storage' offset size/&gt;&lt;/slices&gt;</c>: the part of the store the guest sees.</summary>
    public ImmutableArray<DiskSlice> Slices { get; init; } = [];

    /// <summary><c>&lt;encryption&gt;</c> given inside the source (libvirt 9's place for it).</summary>
    public DiskEncryption? Encryption { get; init; }

    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;source file startupPolicy/&gt;</c>; a CD-ROM or floppy may leave the file out.</summary>
public sealed record FileDiskSource : DiskSource
{
    public override DiskType Type => DiskType.File;
    public string? File { get; init; }
    /// <summary>What to do when the file is missing at start (CD-ROM and floppy only).</summary>
    public StartupPolicy? StartupPolicy { get; init; }
    /// <summary><c>fdgroup</c>: the name of file descriptors passed to libvirt for this image.</summary>
    public string? FdGroup { get; init; }
}

/// <summary><c>&lt;source dev/&gt;</c>: a host block device.</summary>
public sealed record BlockDiskSource : DiskSource
{
    public override DiskType Type => DiskType.Block;
    public required string Dev { get; init; }
    public StartupPolicy? StartupPolicy { get; init; }
    /// <summary><c>&lt;reservations&gt;</c>: SCSI persistent reservations through a helper.</summary>
    public DiskReservations? Reservations { get; init; }
}

/// <summary><c>&lt;source dir/&gt;</c>: a host directory presented as a (FAT) disk.</summary>
public sealed record DirDiskSource : DiskSource
{
    public override DiskType Type => DiskType.Dir;
    public required string Dir { get; init; }
    public StartupPolicy? StartupPolicy { get; init; }
}

/// <summary><c>&lt;source protocol name&gt;&lt;host .../&gt;...&lt;/source&gt;</c>: a network block store.</summary>
public sealed record NetworkDiskSource : DiskSource
{
    public override DiskType Type => DiskType.Network;
    public required DiskProtocol Protocol { get; init; }
    /// <summary>The image, volume or path on the server (optional only for NBD).</summary>
    public string? Name { get; init; }
    public ImmutableArray<DiskSourceHost> Hosts { get; init; } = [];
    /// <summary><c>query</c>: the query string of an HTTP(S) URL.</summary>
    public string? Query { get; init; }
    /// <summary><c>tls</c> (NBD, VxHS): whether the connection uses TLS.</summary>
    public bool? Tls { get; init; }
    /// <summary><c>tlsHostname</c> (NBD): the name to check the server's certificate against.</summary>
    public string? TlsHostname { get; init; }
    /// <summary><c>&lt;snapshot name&gt;</c> (RBD): the snapshot to read.</summary>
    public string? SnapshotName { get; init; }
    /// <summary><c>&lt;config file&gt;</c> (RBD): the Ceph configuration file.</summary>
    public string? ConfigFile { get; init; }
    /// <summary><c>&lt;auth&gt;</c> given inside the source (libvirt 9's place for it).</summary>
    public DiskAuth? Auth { get; init; }
    /// <summary><c>&lt;initiator&gt;&lt;iqn name/&gt;&lt;/initiator&gt;</c> (iSCSI): the initiator's IQN.</summary>
    public string? InitiatorIqn { get; init; }
    /// <summary><c>&lt;ssl verify&gt;</c> (HTTPS, FTPS): whether the server certificate is checked.</summary>
    public bool? SslVerify { get; init; }
    /// <summary><c>&lt;cookies&gt;</c> (HTTP, HTTPS), in document order.</summary>
    public ImmutableArray<DiskCookie> Cookies { get; init; } = [];
    /// <summary><c>&lt;readahead size&gt;</c>, in bytes.</summary>
    public ulong? ReadaheadSize { get; init; }
    /// <summary><c>&lt;timeout seconds&gt;</c>: the connection timeout.</summary>
    public ulong? TimeoutSeconds { get; init; }
    /// <summary><c>&lt;identity user group&gt;</c> (NFS): whom the client acts as.</summary>
    public NfsIdentity? Identity { get; init; }
}

/// <summary><c>&lt;source pool volume mode/&gt;</c>: a volume of a libvirt storage pool.</summary>
public sealed record VolumeDiskSource : DiskSource
{
    public override DiskType Type => DiskType.Volume;
    public required string Pool { get; init; }
    public required string Volume { get; init; }
    public VolumeMode? Mode { get; init; }
    public StartupPolicy? StartupPolicy { get; init; }
}

/// <summary><c>&lt;source type='pci' managed namespace&gt;&lt;address .../&gt;&lt;/source&gt;</c>: an NVMe namespace of a host controller.</summary>
public sealed record NvmeDiskSource : DiskSource
{
    public override DiskType Type => DiskType.Nvme;
    public required uint Namespace { get; init; }
    public bool? Managed { get; init; }
    /// <summary>The host PCI address of the NVMe controller.</summary>
    public required PciAddress Address { get; init; }
    public StartupPolicy? StartupPolicy { get; init; }
}

/// <summary><c>&lt;source type='unix' path&gt;&lt;reconnect/&gt;&lt;/source&gt;</c>: a vhost-user block server.</summary>
public sealed record VhostUserDiskSource : DiskSource
{
    public override DiskType Type => DiskType.VhostUser;
    public required string Path { get; init; }
    public SocketReconnect? Reconnect { get; init; }
}

/// <summary><c>&lt;host name port transport socket/&gt;</c>: one server of a network disk.</summary>
public sealed record DiskSourceHost
{
    /// <summary>Host name or address; absent for a UNIX socket transport.</summary>
    public string? Name { get; init; }
    public uint? Port { get; init; }
    public HostTransport? Transport { get; init; }
    /// <summary>The UNIX socket path (transport 'unix' only).</summary>
    public string? Socket { get; init; }
    public SourceLocation Location { get; init; }
}
