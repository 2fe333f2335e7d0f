using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;cell id cpus memory unit memAccess discard&gt;</c>: a guest NUMA node with its distances to
/// the other nodes and its memory-side caches. libvirt 9 allows a node without CPUs.
/// </summary>
public sealed record NumaCell(string? Cpus, MemorySize Memory)
{
    public uint? Id { get; init; }
    public NumaMemAccess? MemAccess { get; init; }
    public bool? Discard { get; init; }
    public ImmutableArray<NumaDistance> Distances { get; init; } = [];
    public ImmutableArray<NumaCache> Caches { get; init; } = [];
    public SourceLocation Location { get; init; }
}

/// <summary>Whether a NUMA node's (or a memory device's) memory is shared with other processes or private.</summary>
public enum NumaMemAccess { Shared, Private }

/// <summary><c>&lt;sibling id value/&gt;</c>: the distance from this node to node <c>id</c>.</summary>
public sealed record NumaDistance(uint Id, uint Value);

/// <summary><c>&lt;cache level associativity policy&gt;&lt;size/&gt;&lt;line/&gt;&lt;/cache&gt;</c>: a memory-side cache of a NUMA node.</summary>
public sealed record NumaCache
{
    public required uint Level { get; init; }
    public required NumaCacheAssociativity Associativity { get; init; }
    public required NumaCachePolicy Policy { get; init; }
    public required MemorySize Size { get; init; }
    /// <summary>The cache line size in bytes.</summary>
    public required ulong LineBytes { get; init; }
}

public enum NumaCacheAssociativity { None, Direct, Full }

public enum NumaCachePolicy { None, Writeback, Writethrough }

/// <summary>Whether an interconnect value is a latency (ns) or a bandwidth (KiB/s).</summary>
public enum NumaInterconnectKind { Latency, Bandwidth }

/// <summary>The access an interconnect value measures.</summary>
public enum NumaInterconnectAccess { Access, Read, Write }

/// <summary>
/// <c>&lt;latency initiator target cache type value/&gt;</c> or
/// <c>&lt;bandwidth initiator target cache type value unit/&gt;</c> (a bandwidth held in KiB/s).
/// </summary>
public sealed record NumaInterconnect
{
    public required NumaInterconnectKind Kind { get; init; }
    public required uint Initiator { get; init; }
    public required uint Target { get; init; }
    public uint? Cache { get; init; }
    public required NumaInterconnectAccess Type { get; init; }
    public required ulong Value { get; init; }
    public SourceLocation Location { get; init; }
}

public static class NumaCellXml
{
    public static readonly XmlEnum<NumaMemAccess> MemAccess = new(("shared", NumaMemAccess.Shared), ("private", NumaMemAccess.Private));

    public static readonly XmlEnum<NumaCacheAssociativity> Associativity = new(
        ("none", NumaCacheAssociativity.None), ("direct", NumaCacheAssociativity.Direct), ("full", NumaCacheAssociativity.Full));

    public static readonly XmlEnum<NumaCachePolicy> Policy = new(
        ("none", NumaCachePolicy.None), ("writeback", NumaCachePolicy.Writeback), ("writethrough", NumaCachePolicy.Writethrough));

    public static readonly XmlEnum<NumaInterconnectAccess> Access = new(
        ("access", NumaInterconnectAccess.Access), ("read", NumaInterconnectAccess.Read), ("write", NumaInterconnectAccess.Write));
}
