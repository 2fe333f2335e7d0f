namespace DomainLauncher.Translator.Model;

/// <summary><c>type='vhostuser'</c>: a vhost-user back-end behind a UNIX socket.</summary>
public sealed record VhostUserInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.VhostUser;
    public required UnixSocketSource Socket { get; init; }
}

/// <summary><c>type='udp'</c>: a UDP tunnel from <c>&lt;local address port&gt;</c> to <c>&lt;source address port&gt;</c>.</summary>
public sealed record UdpInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.Udp;
    public required string SourceAddress { get; init; }
    public required ushort SourcePort { get; init; }
    public required string LocalAddress { get; init; }
    public required ushort LocalPort { get; init; }
}

/// <summary><c>type='vdpa'</c>: a vDPA device (<c>&lt;source dev&gt;</c>, e.g. /dev/vhost-vdpa-0).</summary>
public sealed record VdpaInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.Vdpa;
    public required string Dev { get; init; }
}

/// <summary><c>type='null'</c>: a card connected to nothing.</summary>
public sealed record NullInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.Null;
}

/// <summary><c>type='vds'</c>: a port of a VMware distributed switch.</summary>
public sealed record VdsInterface : NetworkInterface
{
    public override InterfaceType Type => InterfaceType.Vds;
    public required Guid SwitchId { get; init; }
    public required long PortId { get; init; }
    public required string PortGroupId { get; init; }
    public required long ConnectionId { get; init; }
}
