using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;memoryBacking&gt;</c>: hugepages (with page sizes per guest node), no page sharing, locked
/// memory, and (libvirt 9) the backing source, access mode, allocation and discard.
/// </summary>
public sealed record MemoryBacking
{
    public bool Hugepages { get; init; }
    /// <summary><c>&lt;hugepages&gt;&lt;page size unit nodeset/&gt;</c> entries.</summary>
    public ImmutableArray<HugePage> HugePages { get; init; } = [];
    public bool NoSharePages { get; init; }
    public bool Locked { get; init; }
    public MemorySourceType? SourceType { get; init; }
    public NumaMemAccess? AccessMode { get; init; }
    public MemoryAllocationMode? AllocationMode { get; init; }
    public uint? AllocationThreads { get; init; }
    public bool Discard { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;page size unit nodeset/&gt;</c>: the huge page size backing the given guest nodes (all when no nodeset).</summary>
public sealed record HugePage(MemorySize Size, string? Nodeset);

/// <summary>What backs guest memory: a file, anonymous memory or a memfd.</summary>
public enum MemorySourceType { File, Anonymous, Memfd }

/// <summary>Whether guest memory is allocated up front or on first use.</summary>
public enum MemoryAllocationMode { Immediate, Ondemand }

public static class MemoryBackingXml
{
    public static readonly XmlEnum<MemorySourceType> Source = new(
        ("file", MemorySourceType.File), ("anonymous", MemorySourceType.Anonymous), ("memfd", MemorySourceType.Memfd));

    public static readonly XmlEnum<MemoryAllocationMode> Allocation = new(
        ("immediate", MemoryAllocationMode.Immediate), ("ondemand", MemoryAllocationMode.Ondemand));
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

/// <summary>
/// <c>&lt;device&gt;&lt;path/&gt;&lt;weight/&gt;...&lt;/device&gt;</c> inside blkiotune: a weight and (libvirt 9)
/// throttles for one host block device; libvirt 9 makes the weight optional.
/// </summary>
public sealed record BlockIoDeviceWeight(string Path, uint? Weight)
{
    public ulong? ReadIopsSec { get; init; }
    public ulong? WriteIopsSec { get; init; }
    public ulong? ReadBytesSec { get; init; }
    public ulong? WriteBytesSec { get; init; }
    public SourceLocation Location { get; init; }
}
