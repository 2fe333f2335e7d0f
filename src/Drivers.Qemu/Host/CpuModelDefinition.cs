using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// A CPU model in the CPU map as written: the model it starts from (<c>&lt;model name='...'/&gt;</c>
/// inside it), its own vendor and its own features. <see cref="CpuMapArch.FeaturesOf"/> resolves the
/// inheritance.
/// </summary>
public sealed record CpuModelDefinition(string Name)
{
    public string? BasedOn { get; init; }

    public string? Vendor { get; init; }

    /// <summary>POWER processor version register value, for ppc models.</summary>
    public uint? Pvr { get; init; }

    public ImmutableArray<string> Features { get; init; } = [];
}
