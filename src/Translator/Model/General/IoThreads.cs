using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;iothreads&gt;N&lt;/iothreads&gt;</c>, <c>&lt;iothreadids&gt;</c> and <c>&lt;defaultiothread&gt;</c>:
/// the I/O threads a domain has, their IDs and worker pool sizes.
/// </summary>
public sealed record IoThreads
{
    public uint? Count { get; init; }
    public ImmutableArray<IoThread> Ids { get; init; } = [];
    public IoThreadPool? DefaultPool { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;iothread id thread_pool_min thread_pool_max/&gt;</c>.</summary>
public sealed record IoThread(uint Id)
{
    public IoThreadPool? Pool { get; init; }
}

/// <summary>A thread pool's <c>thread_pool_min</c> and <c>thread_pool_max</c>.</summary>
public sealed record IoThreadPool(uint? Min, uint? Max);

/// <summary><c>&lt;vcpus&gt;&lt;vcpu id enabled hotpluggable order/&gt;&lt;/vcpus&gt;</c>: per-vCPU hotplug state.</summary>
public sealed record VcpuState(uint Id, bool Enabled)
{
    public bool? Hotpluggable { get; init; }
    public uint? Order { get; init; }
    public SourceLocation Location { get; init; }
}
