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
    public string? Model { get; init; }
    public CpuFallback? Fallback { get; init; }
    public string? VendorId { get; init; }
    public string? Vendor { get; init; }
    public CpuTopology? Topology { get; init; }
    public ImmutableArray<CpuFeature> Features { get; init; } = [];
    public ImmutableArray<NumaCell> NumaCells { get; init; } = [];
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;topology sockets cores threads/&gt;</c>.</summary>
public sealed record CpuTopology(uint Sockets, uint Cores, uint Threads);

/// <summary><c>&lt;feature policy name/&gt;</c>; a policy left out means <c>require</c> (the planner decides).</summary>
public sealed record CpuFeature(string Name, CpuFeaturePolicy? Policy);

/// <summary><c>&lt;cell cpus memory/&gt;</c>: a guest NUMA node.</summary>
public sealed record NumaCell(string Cpus, MemorySize Memory);

public enum CpuMode { Custom, HostModel, HostPassthrough }

public enum CpuMatch { Minimum, Exact, Strict }

public enum CpuFallback { Allow, Forbid }

public enum CpuFeaturePolicy { Force, Require, Optional, Disable, Forbid }

public static class CpuXml
{
    public static readonly XmlEnum<CpuMode> Mode = new(
        ("custom", CpuMode.Custom), ("host-model", CpuMode.HostModel), ("host-passthrough", CpuMode.HostPassthrough));

    public static readonly XmlEnum<CpuMatch> Match = new(
        ("minimum", CpuMatch.Minimum), ("exact", CpuMatch.Exact), ("strict", CpuMatch.Strict));

    public static readonly XmlEnum<CpuFallback> Fallback = new(("allow", CpuFallback.Allow), ("forbid", CpuFallback.Forbid));

    public static readonly XmlEnum<CpuFeaturePolicy> Policy = new(
        ("force", CpuFeaturePolicy.Force), ("require", CpuFeaturePolicy.Require), ("optional", CpuFeaturePolicy.Optional),
        ("disable", CpuFeaturePolicy.Disable), ("forbid", CpuFeaturePolicy.Forbid));
}
