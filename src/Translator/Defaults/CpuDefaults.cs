using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// A guest CPU's mode (custom unless given), and for a named model its match (exact) and fallback
/// (allow); a host-model CPU's fallback is allow too; a feature is required unless it says otherwise.
/// </summary>
internal static class CpuDefaults
{
    public static CpuConfig? Apply(CpuConfig? cpu)
    {
        if (cpu is null) return null;
        var mode = cpu.Mode ?? CpuMode.Custom;
        return cpu with
        {
            Mode = mode,
            Match = mode == CpuMode.Custom && cpu.Model is not null ? cpu.Match ?? CpuMatch.Exact : cpu.Match,
            Fallback = cpu.Model is not null || mode == CpuMode.HostModel ? cpu.Fallback ?? CpuFallback.Allow : cpu.Fallback,
            Features = [.. cpu.Features.Select(f => f.Policy is null ? f with { Policy = CpuFeaturePolicy.Require } : f)],
        };
    }
}
