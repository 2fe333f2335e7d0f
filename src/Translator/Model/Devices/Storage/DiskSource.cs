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

    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;source file startupPolicy/&gt;</c>; a CD-ROM or floppy may leave the file out.</summary>
public sealed record FileDiskSource : DiskSource
{
    public override DiskType Type => DiskType.File;
    public string? File { get; init; }
    /// <summary>What to do when the file is missing at start (CD-ROM and floppy only).</summary>
    public StartupPolicy? StartupPolicy { get; init; }
}

/// <summary><c>&lt;source dev/&gt;</c>: a host block device.</summary>
public sealed record BlockDiskSource : DiskSource
{
    public override DiskType Type => DiskType.Block;
    public required string Dev { get; init; }
}

/// <summary><c>&lt;source dir/&gt;</c>: a host directory presented as a (FAT) disk.</summary>
public sealed record DirDiskSource : DiskSource
{
    public override DiskType Type => DiskType.Dir;
    public required string Dir { get; init; }
}

/// <summary><c>&lt;source protocol name&gt;&lt;host .../&gt;...&lt;/source&gt;</c>: a network block store.</summary>
public sealed record NetworkDiskSource : DiskSource
{
    public override DiskType Type => DiskType.Network;
    public required DiskProtocol Protocol { get; init; }
    /// <summary>The image, volume or path on the server (optional only for NBD).</summary>
    public string? Name { get; init; }
    public ImmutableArray<DiskSourceHost> Hosts { get; init; } = [];
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
