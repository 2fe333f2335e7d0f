using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;numatune&gt;&lt;memory mode nodeset placement/&gt;</c>: host NUMA memory policy.</summary>
public sealed record NumaTune
{
    public NumaMemoryMode? Mode { get; init; }
    public string? Nodeset { get; init; }
    public Placement? Placement { get; init; }
    /// <summary>False for a <c>&lt;numatune&gt;</c> without <c>&lt;memory&gt;</c> (only memnodes).</summary>
    public bool HasMemory { get; init; } = true;
    /// <summary><c>&lt;memnode cellid mode nodeset/&gt;</c>: the host policy of one guest node.</summary>
    public ImmutableArray<NumaMemNode> MemNodes { get; init; } = [];
}

/// <summary><c>&lt;memnode cellid mode nodeset/&gt;</c>.</summary>
public sealed record NumaMemNode(uint CellId, NumaMemoryMode? Mode, string Nodeset)
{
    public SourceLocation Location { get; init; }
}

public enum NumaMemoryMode
{
    Strict,
    Preferred,
    Interleave,
    Restrictive,
}

public static class NumaMemoryModeXml
{
    public static readonly XmlEnum<NumaMemoryMode> Table = new(
        ("strict", NumaMemoryMode.Strict), ("preferred", NumaMemoryMode.Preferred), ("interleave", NumaMemoryMode.Interleave),
        ("restrictive", NumaMemoryMode.Restrictive));
}
