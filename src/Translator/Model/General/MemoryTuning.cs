using System.Collections.Immutable;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;memoryBacking&gt;</c>: hugepages, no page sharing, locked memory.</summary>
public sealed record MemoryBacking
{
    public bool Hugepages { get; init; }
    public bool NoSharePages { get; init; }
    public bool Locked { get; init; }
}

/// <summary><c>&lt;memtune&gt;</c>: cgroup memory limits.</summary>
public sealed record MemoryTune
{
    public MemorySize? HardLimit { get; init; }
    public MemorySize? SoftLimit { get; init; }
    public MemorySize? SwapHardLimit { get; init; }
    public MemorySize? MinGuarantee { get; init; }
}

/// <summary><c>&lt;blkiotune&gt;</c>: a block I/O weight and per-device weights.</summary>
public sealed record BlockIoTune
{
    public uint? Weight { get; init; }
    public ImmutableArray<BlockIoDeviceWeight> Devices { get; init; } = [];
}

/// <summary><c>&lt;device&gt;&lt;path/&gt;&lt;weight/&gt;&lt;/device&gt;</c> inside blkiotune.</summary>
public sealed record BlockIoDeviceWeight(string Path, uint Weight);
