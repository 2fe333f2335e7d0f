using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;slice type offset size/&gt;</c>: a byte range of the store, in bytes.</summary>
public sealed record DiskSlice
{
    public required SliceType Type { get; init; }
    public required ulong Offset { get; init; }
    public required ulong Size { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>The <c>type</c> of a slice: only the storage slice exists.</summary>
public enum SliceType { Storage }

/// <summary>
/// <c>&lt;reservations managed&gt;&lt;source type='unix' path mode/&gt;&lt;/reservations&gt;</c>:
/// SCSI persistent reservations, through libvirt's helper (managed) or a given socket.
/// </summary>
public sealed record DiskReservations
{
    public bool? Managed { get; init; }
    public UnixSocketSource? Source { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;source type='unix' path mode&gt;&lt;reconnect/&gt;&lt;/source&gt;</c>: a UNIX socket to a helper.</summary>
public sealed record UnixSocketSource
{
    public required string Path { get; init; }
    public required SocketMode Mode { get; init; }
    public SocketReconnect? Reconnect { get; init; }
}

/// <summary><c>&lt;reconnect enabled timeout/&gt;</c>: whether (and after how many seconds) a lost socket is reconnected.</summary>
public sealed record SocketReconnect
{
    public required bool Enabled { get; init; }
    public uint? Timeout { get; init; }
}

/// <summary><c>&lt;cookie name&gt;value&lt;/cookie&gt;</c> sent with HTTP requests.</summary>
public sealed record DiskCookie
{
    public required string Name { get; init; }
    public required string Value { get; init; }
}

/// <summary><c>&lt;identity user group/&gt;</c> of an NFS source.</summary>
public sealed record NfsIdentity
{
    public string? User { get; init; }
    public string? Group { get; init; }
}
