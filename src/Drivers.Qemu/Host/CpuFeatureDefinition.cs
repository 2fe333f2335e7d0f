using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>A named CPU feature in the CPU map and the CPUID bits that stand for it.</summary>
public sealed record CpuFeatureDefinition(string Name)
{
    public ImmutableArray<CpuidBits> Cpuid { get; init; } = [];
}
