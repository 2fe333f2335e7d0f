using System.Collections.Immutable;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// The CPU models one accelerator offers (<c>query-cpu-definitions</c> with the emulator started under
/// it) and the full expansion of its richest CPU (<c>query-cpu-model-expansion type=full</c> of
/// <c>host</c> under KVM, <c>max</c> under TCG) as the boolean CPU properties it turns on and off.
/// The accelerator is QEMU's name (<c>tcg</c>, <c>kvm</c>).
/// </summary>
public sealed record ProbedAcceleratorCpus(string Accelerator)
{
    public ImmutableArray<ProbedCpuDefinition> Definitions { get; init; } = [];

    /// <summary>The model <see cref="FeaturesOn"/> and <see cref="FeaturesOff"/> expand, or null when the emulator cannot expand one.</summary>
    public string? ExpandedModel { get; init; }

    public ImmutableArray<string> FeaturesOn { get; init; } = [];

    public ImmutableArray<string> FeaturesOff { get; init; } = [];
}

/// <summary>One entry of <c>query-cpu-definitions</c>.</summary>
public sealed record ProbedCpuDefinition(string Name)
{
    public string? AliasOf { get; init; }

    public bool Static { get; init; }

    public bool MigrationSafe { get; init; }

    public bool Deprecated { get; init; }

    public ImmutableArray<string> UnavailableFeatures { get; init; } = [];
}
