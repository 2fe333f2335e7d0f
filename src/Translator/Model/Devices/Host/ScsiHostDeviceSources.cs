using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;hostdev type='scsi' sgio rawio&gt;</c>: a host SCSI LUN, reached through a host adapter
/// or over iSCSI (the source's <see cref="ScsiHostDeviceLocation"/>).
/// </summary>
public sealed record ScsiHostDeviceSource : HostDeviceSource
{
    public override HostDeviceMode Mode => HostDeviceMode.Subsystem;
    public override HostDeviceType Type => HostDeviceType.Scsi;
    public DiskSgio? Sgio { get; init; }
    public bool? RawIo { get; init; }
    public required ScsiHostDeviceLocation Where { get; init; }
}

/// <summary>Where a host SCSI LUN is: a closed family of a host adapter address or an iSCSI target.</summary>
public abstract record ScsiHostDeviceLocation
{
    private protected ScsiHostDeviceLocation() { }
}

/// <summary><c>&lt;source protocol='adapter'?&gt;&lt;adapter name/&gt;&lt;address bus target unit/&gt;</c>.</summary>
public sealed record ScsiAdapterLocation : ScsiHostDeviceLocation
{
    /// <summary>Whether the document wrote <c>protocol='adapter'</c> (the default when absent).</summary>
    public bool ProtocolGiven { get; init; }
    public required string AdapterName { get; init; }
    public required uint Bus { get; init; }
    public required uint Target { get; init; }
    public required ulong Unit { get; init; }
}

/// <summary><c>&lt;source protocol='iscsi' name&gt;&lt;host name port/&gt;&lt;auth/&gt;&lt;initiator/&gt;</c>.</summary>
public sealed record ScsiIscsiLocation : ScsiHostDeviceLocation
{
    /// <summary>The target IQN and LUN (<c>iqn.../1</c>).</summary>
    public required string Name { get; init; }
    public ImmutableArray<ScsiIscsiHost> Hosts { get; init; } = [];
    public DiskAuth? Auth { get; init; }
    public string? InitiatorIqn { get; init; }
}

/// <summary><c>&lt;host name port/&gt;</c>: an iSCSI portal.</summary>
public sealed record ScsiIscsiHost
{
    public required string Name { get; init; }
    public uint? Port { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;hostdev type='scsi_host' model&gt;&lt;source protocol='vhost' wwpn/&gt;</c>: a vhost-scsi target.</summary>
public sealed record ScsiHostHostDeviceSource : HostDeviceSource
{
    public override HostDeviceMode Mode => HostDeviceMode.Subsystem;
    public override HostDeviceType Type => HostDeviceType.ScsiHost;
    public DiskModel? Model { get; init; }
    /// <summary>The vhost target's world wide port name, <c>naa.</c> and 16 hexadecimal digits.</summary>
    public required string Wwpn { get; init; }
}

/// <summary><c>&lt;hostdev type='mdev' model display ramfb&gt;&lt;source&gt;&lt;address uuid/&gt;</c>: a mediated device.</summary>
public sealed record MdevHostDeviceSource : HostDeviceSource
{
    public override HostDeviceMode Mode => HostDeviceMode.Subsystem;
    public override HostDeviceType Type => HostDeviceType.Mdev;
    public required MdevModel Model { get; init; }
    public bool? Display { get; init; }
    public bool? Ramfb { get; init; }
    public required Guid Uuid { get; init; }
}
