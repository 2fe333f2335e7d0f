using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// What the emulator offers a guest CPU under one accelerator: its CPU model definitions and, when
/// known, the full expansion of the richest CPU it can give (<c>host</c> under KVM, <c>max</c> under
/// TCG: <c>query-cpu-model-expansion type=full</c>) as the CPU properties it turns on and off. A
/// feature on there is one this accelerator can give; a property in neither list is not a CPU
/// feature QEMU knows.
/// </summary>
public sealed record AcceleratorCpus
{
    public ImmutableArray<CpuDefinition> Definitions { get; init; } = [];

    /// <summary>The CPU model the expansion is of (<c>host</c>, <c>max</c>), or null when none was expanded.</summary>
    public string? ExpandedModel { get; init; }

    /// <summary>
    /// The boolean CPU properties on in the expansion, QEMU's names and their aliases, kept in ordinal order:
    /// asked by binary search (a set of some hundreds of names cost more to build than every question asked of it).
    /// </summary>
    public ImmutableArray<string> FeaturesOn { get; init => field = OrdinalNames.Sorted(value); } = [];

    /// <summary>The boolean CPU properties off in the expansion, in ordinal order.</summary>
    public ImmutableArray<string> FeaturesOff { get; init => field = OrdinalNames.Sorted(value); } = [];

    public bool HasExpansion => ExpandedModel is not null;

    public CpuDefinition? Find(string model) => Definitions.FirstOrDefault(d => d.Name == model);

    /// <summary>Whether the expansion names <paramref name="feature"/> at all (on or off).</summary>
    public bool Knows(string feature) => OrdinalNames.Contains(FeaturesOn, feature) || OrdinalNames.Contains(FeaturesOff, feature);

    /// <summary>Whether the accelerator can give the guest <paramref name="feature"/>: on in the expansion.</summary>
    public bool CanGive(string feature) => OrdinalNames.Contains(FeaturesOn, feature);
}
