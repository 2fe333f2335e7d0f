using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// Guest CPU requirements (<c>&lt;cpu mode match&gt;</c>): a model with its fallback rule, a vendor,
/// a topology, features each with a policy, and guest NUMA cells.
/// </summary>
public sealed record CpuConfig
{
    public CpuMode? Mode { get; init; }
    public CpuMatch? Match { get; init; }
    /// <summary><c>check='none|partial|full'</c>: how strictly the started guest's CPU is compared to the request.</summary>
    public CpuCheck? Check { get; init; }
    /// <summary><c>migratable='on|off'</c> for host-passthrough and maximum CPUs.</summary>
    public bool? Migratable { get; init; }
    public string? Model { get; init; }
    public CpuFallback? Fallback { get; init; }
    public string? VendorId { get; init; }
    public string? Vendor { get; init; }
    public CpuTopology? Topology { get; init; }
    public ImmutableArray<CpuFeature> Features { get; init; } = [];
    public ImmutableArray<NumaCell> NumaCells { get; init; } = [];
    /// <summary><c>&lt;numa&gt;&lt;interconnects&gt;</c>: latencies and bandwidths between NUMA nodes.</summary>
    public ImmutableArray<NumaInterconnect> NumaInterconnects { get; init; } = [];
    /// <summary><c>&lt;cache level mode/&gt;</c>: the CPU cache the guest sees.</summary>
    public CpuCache? Cache { get; init; }
    /// <summary><c>&lt;maxphysaddr mode bits/&gt;</c>: the guest's physical address width.</summary>
    public CpuMaxPhysAddr? MaxPhysAddr { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;topology sockets dies cores threads/&gt;</c>.</summary>
public sealed record CpuTopology(uint Sockets, uint Cores, uint Threads)
{
    /// <summary>Dies per socket (libvirt 9); absent in older documents.</summary>
    public uint? Dies { get; init; }
}

/// <summary><c>&lt;cache level mode/&gt;</c>; the level may be left out (with mode passthrough or disable).</summary>
public sealed record CpuCache(uint? Level, CpuCacheMode Mode)
{
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;maxphysaddr mode bits/&gt;</c>.</summary>
public sealed record CpuMaxPhysAddr(CpuMaxPhysAddrMode Mode, uint? Bits)
{
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;feature policy name/&gt;</c>; a policy left out means <c>require</c> (the planner decides).</summary>
public sealed record CpuFeature(string Name, CpuFeaturePolicy? Policy);

public enum CpuMode { Custom, HostModel, HostPassthrough, Maximum }

public enum CpuCheck { None, Partial, Full }

public enum CpuCacheMode { Emulate, Passthrough, Disable }

public enum CpuMaxPhysAddrMode { Emulate, Passthrough }

public enum CpuMatch { Minimum, Exact, Strict }

public enum CpuFallback { Allow, Forbid }

public enum CpuFeaturePolicy { Force, Require, Optional, Disable, Forbid }

public static class CpuXml
{
    public static readonly XmlEnum<CpuMode> Mode = new(
        ("custom", CpuMode.Custom), ("host-model", CpuMode.HostModel), ("host-passthrough", CpuMode.HostPassthrough),
        ("maximum", CpuMode.Maximum));

    public static readonly XmlEnum<CpuCheck> Check = new(("none", CpuCheck.None), ("partial", CpuCheck.Partial), ("full", CpuCheck.Full));

    public static readonly XmlEnum<CpuCacheMode> CacheMode = new(
        ("emulate", CpuCacheMode.Emulate), ("passthrough", CpuCacheMode.Passthrough), ("disable", CpuCacheMode.Disable));

    public static readonly XmlEnum<CpuMaxPhysAddrMode> MaxPhysAddrMode = new(
        ("emulate", CpuMaxPhysAddrMode.Emulate), ("passthrough", CpuMaxPhysAddrMode.Passthrough));

    public static readonly XmlEnum<CpuMatch> Match = new(
        ("minimum", CpuMatch.Minimum), ("exact", CpuMatch.Exact), ("strict", CpuMatch.Strict));

    public static readonly XmlEnum<CpuFallback> Fallback = new(("allow", CpuFallback.Allow), ("forbid", CpuFallback.Forbid));

    public static readonly XmlEnum<CpuFeaturePolicy> Policy = new(
        ("force", CpuFeaturePolicy.Force), ("require", CpuFeaturePolicy.Require), ("optional", CpuFeaturePolicy.Optional),
        ("disable", CpuFeaturePolicy.Disable), ("forbid", CpuFeaturePolicy.Forbid));
}
