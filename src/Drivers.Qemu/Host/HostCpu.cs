using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>The host's CPU as the capabilities document describes it (<c>&lt;host&gt;&lt;cpu&gt;</c>).</summary>
public sealed record HostCpu
{
    public required string Arch { get; init; }

    public string? Model { get; init; }

    public string? Vendor { get; init; }

    public HostCpuTopology? Topology { get; init; }

    /// <summary>Feature names beyond those of <see cref="Model"/>, in document order.</summary>
    public ImmutableArray<string> Features { get; init; } = [];
}
