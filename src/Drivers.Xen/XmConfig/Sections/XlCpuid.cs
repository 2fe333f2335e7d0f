using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig.Sections;

/// <summary>
/// xl's <c>cpuid = "host,NAME=V,..."</c>: the CPU features of a guest on the host's CPU, each
/// forced on (1), off (0) or left to the host (x). xl spells some features differently from
/// libvirt's CPU map; the two-way table is here. <c>vmx</c> and <c>svm</c> are not CPUID settings
/// but <c>nestedhvm</c>.
/// </summary>
internal static class XlCpuid
{
    private static readonly (string Libvirt, string Xl)[] Names =
    [
        ("cx16", "cmpxchg16"), ("cid", "cntxid"), ("ds_cpl", "dscpl"), ("pclmuldq", "pclmulqdq"), ("pni", "sse3"),
        ("ht", "htt"), ("pn", "psn"), ("clflush", "clfsh"), ("sep", "sysenter"), ("cx8", "cmpxchg8"),
        ("nodeid_msr", "nodeid"), ("cr8legacy", "altmovcr8"), ("lahf_lm", "lahfsahf"), ("cmp_legacy", "cmplegacy"),
        ("fxsr_opt", "ffxsr"), ("pdpe1gb", "page1gb"), ("spec-ctrl", "ibrsb"),
    ];

    private static readonly FrozenDictionary<string, string> ToXl = Names.ToFrozenDictionary(n => n.Libvirt, n => n.Xl, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, string> FromXl = Names.ToFrozenDictionary(n => n.Xl, n => n.Libvirt, StringComparer.Ordinal);

    public static bool IsNestedVirtualization(string feature) => feature is "vmx" or "svm";

    /// <summary>The cpuid string of a CPU, or null when it sets no feature.</summary>
    public static string? Format(CpuConfig cpu)
    {
        var settings = cpu.Features.Where(f => !IsNestedVirtualization(f.Name))
            .Select(f => (ToXl.GetValueOrDefault(f.Name, f.Name)) + "=" + Value(f.Policy)).ToList();
        if (settings.Count == 0) return null;
        var text = new StringBuilder();
        if (cpu.Mode == CpuMode.HostPassthrough) text.Append("host,");
        return text.Append(string.Join(",", settings)).ToString();
    }

    private static char Value(CpuFeaturePolicy? policy) => policy switch
    {
        CpuFeaturePolicy.Disable or CpuFeaturePolicy.Forbid => '0',
        CpuFeaturePolicy.Optional => 'x',
        _ => '1',
    };

    /// <summary>
    /// The features of a cpuid string (null and an error message when it is not one): <c>host</c>
    /// parts are skipped, every other part is NAME=0, 1 or x.
    /// </summary>
    public static ImmutableArray<CpuFeature>? Parse(string text, out string? error)
    {
        error = null;
        var features = ImmutableArray.CreateBuilder<CpuFeature>();
        foreach (var part in text.Split(','))
        {
            if (part.Length == 0 || part == "host") continue;
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                error = $"cpuid part \"{part}\" is not NAME=VALUE";
                return null;
            }
            var name = part[..equals];
            CpuFeaturePolicy policy;
            switch (part[(equals + 1)..])
            {
                case "1": policy = CpuFeaturePolicy.Force; break;
                case "0": policy = CpuFeaturePolicy.Disable; break;
                case "x": policy = CpuFeaturePolicy.Optional; break;
                // Keep or copy the host's value: what the host CPU has, nothing the domain says.
                case "k" or "s": continue;
                default:
                    error = $"cpuid part \"{part}\": the value must be 0, 1, x, k or s";
                    return null;
            }
            features.Add(new CpuFeature(FromXl.GetValueOrDefault(name, name), policy));
        }
        return features.ToImmutable();
    }
}
