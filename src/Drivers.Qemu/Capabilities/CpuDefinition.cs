using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// One CPU model as the emulator defines it for one accelerator (<c>query-cpu-definitions</c>): its
/// name, the versioned model it stands for, whether it is static, migration-safe or deprecated, and
/// the features of the model that this accelerator cannot give the guest (QEMU leaves them out).
/// </summary>
public sealed record CpuDefinition(string Name)
{
    /// <summary>The versioned model this name stands for (<c>Haswell</c> is <c>Haswell-v1</c>), or null.</summary>
    public string? AliasOf { get; init; }

    public bool Static { get; init; }

    public bool MigrationSafe { get; init; }

    public bool Deprecated { get; init; }

    /// <summary>QEMU's names of the model's features the accelerator lacks; empty when the model is usable as defined.</summary>
    public ImmutableArray<string> UnavailableFeatures { get; init; } = [];
}
