using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// The CPU models one accelerator offers (<c>query-cpu-definitions</c> with the emulator started under
/// it) and the full expansion of its richest CPU (<c>query-cpu-model-expansion type=full</c> of
/// <c>host</c> under KVM, <c>max</c> under TCG) as the boolean CPU properties it turns on and off.
/// The accelerator is QEMU's name (<c>tcg</c>, <c>kvm</c>).
/// </summary>
public sealed record ProbedAcceleratorCpus(string Accelerator)
{
    [JsonRequired]
    public ImmutableArray<ProbedCpuDefinition> Definitions { get; init; } = [];

    /// <summary>The model <see cref="FeaturesOn"/> and <see cref="FeaturesOff"/> expand, or null when the emulator cannot expand one.</summary>
    [JsonRequired]
    public string? ExpandedModel { get; init; }

    [JsonRequired]
    public ImmutableArray<string> FeaturesOn { get; init; } = [];

    [JsonRequired]
    public ImmutableArray<string> FeaturesOff { get; init; } = [];
}

/// <summary>One entry of <c>query-cpu-definitions</c>.</summary>
public sealed record ProbedCpuDefinition(string Name)
{
    [JsonRequired]
    public string? AliasOf { get; init; }

    [JsonRequired]
    public bool Static { get; init; }

    [JsonRequired]
    public bool MigrationSafe { get; init; }

    [JsonRequired]
    public bool Deprecated { get; init; }

    [JsonRequired]
    public ImmutableArray<string> UnavailableFeatures { get; init; } = [];
}
