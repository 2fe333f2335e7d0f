using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;vcpu placement cpuset current&gt;N&lt;/vcpu&gt;</c>: the maximum vCPU count and how many start.</summary>
public sealed record VcpuConfig
{
    public required uint Count { get; init; }
    public uint? Current { get; init; }
    public Placement? Placement { get; init; }
    public string? CpuSet { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;cputune&gt;</c>: scheduler shares, bandwidth and pinning.</summary>
public sealed record CpuTune
{
    public ulong? Shares { get; init; }
    public ulong? GlobalPeriod { get; init; }
    public long? GlobalQuota { get; init; }
    public ulong? Period { get; init; }
    public long? Quota { get; init; }
    public ulong? EmulatorPeriod { get; init; }
    public long? EmulatorQuota { get; init; }
    public ulong? IoThreadPeriod { get; init; }
    public long? IoThreadQuota { get; init; }
    public ImmutableArray<VcpuPin> VcpuPins { get; init; } = [];
    public string? EmulatorPin { get; init; }
    public ImmutableArray<IoThreadPin> IoThreadPins { get; init; } = [];
    public ImmutableArray<ThreadScheduling> VcpuScheduling { get; init; } = [];
    public ImmutableArray<ThreadScheduling> IoThreadScheduling { get; init; } = [];
    public ThreadScheduling? EmulatorScheduling { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;vcpupin vcpu='N' cpuset='...'/&gt;</c>.</summary>
public sealed record VcpuPin(uint Vcpu, string CpuSet);
