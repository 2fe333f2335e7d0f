using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Cpu;

/// <summary>
/// A guest CPU request with libvirt's defaults applied (match <c>exact</c>, fallback <c>allow</c>,
/// feature policy <c>require</c>) and, for host-model and host-passthrough, the host CPU copied in.
/// </summary>
internal sealed record GuestCpuSpec(string Model, CpuMatch Match, CpuFallback Fallback)
{
    public string? Vendor { get; init; }

    public ImmutableArray<(string Name, CpuFeaturePolicy Policy)> Features { get; init; } = [];
}

/// <summary>A CPU model plus the features to add (<c>+name</c>) and remove (<c>-name</c>), in the order they are written.</summary>
internal sealed record DecodedCpu(string Model, ImmutableArray<string> Added, ImmutableArray<string> Removed)
{
    public int FeatureCount => Added.Length + Removed.Length;
}
