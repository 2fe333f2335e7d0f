namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;bandwidth&gt;</c>: traffic shaping for each direction, as seen from the host.</summary>
public sealed record InterfaceBandwidth
{
    public BandwidthLimit? Inbound { get; init; }
    public BandwidthLimit? Outbound { get; init; }
}

/// <summary>
/// <c>&lt;inbound|outbound average peak burst/&gt;</c>: average and peak rates in kilobytes per
/// second, burst in kilobytes.
/// </summary>
public sealed record BandwidthLimit
{
    public required ulong Average { get; init; }
    public ulong? Peak { get; init; }
    public ulong? Burst { get; init; }
}
