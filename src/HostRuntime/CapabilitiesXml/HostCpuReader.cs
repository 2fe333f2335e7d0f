using System.Collections.Frozen;
using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// The host CPU of the capabilities document from Linux's <c>/proc/cpuinfo</c>: the arch, the
/// vendor, the topology and the CPU flags as feature names. No model is given: libvirt's model is the
/// best match in its CPU map, which this host does not have; the features alone describe the CPU.
/// </summary>
public static class HostCpuReader
{
    // Linux spells some CPUID features differently from libvirt's CPU map; these are the renames.
    private static readonly FrozenDictionary<string, string> LibvirtNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pclmulqdq"] = "pclmuldq", ["sse4_1"] = "sse4.1", ["sse4_2"] = "sse4.2", ["cr8_legacy"] = "cr8legacy",
        ["sha_ni"] = "sha-ni", ["avx512_vnni"] = "avx512vnni", ["avx512_bitalg"] = "avx512bitalg",
        ["avx512_vpopcntdq"] = "avx512-vpopcntdq", ["avx512_vbmi2"] = "avx512vbmi2", ["avx512_bf16"] = "avx512-bf16",
        ["avx512_vp2intersect"] = "avx512-vp2intersect", ["avx512_fp16"] = "avx512-fp16", ["avx_vnni"] = "avx-vnni",
        ["avx512vbmi"] = "avx512vbmi", ["ds_cpl"] = "ds_cpl", ["tsc_deadline_timer"] = "tsc-deadline",
        ["fxsr_opt"] = "fxsr_opt", ["rdpid"] = "rdpid", ["nonstop_tsc"] = "invtsc",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Flags the kernel makes up (no CPUID bit behind them): quirks, mitigations, derived facts.
    private static readonly FrozenSet<string> KernelOnlyFlags = FrozenSet.ToFrozenSet(
    [
        "constant_tsc", "rep_good", "nopl", "xtopology", "cpuid", "tsc_known_freq", "tsc_reliable", "arch_perfmon",
        "pebs", "bts", "art", "aperfmperf", "extd_apicid", "cpuid_fault", "pti", "ssbd", "ibrs", "ibpb", "stibp",
        "ibrs_enhanced", "vmmcall", "user_shstk", "flush_l1d", "md_clear", "arch_capabilities", "amd_ssbd",
        "virt_ssbd", "tpr_shadow", "vnmi", "flexpriority", "ept", "vpid", "ept_ad", "nonstop_tsc_s3", "up",
        "cpb", "hw_pstate", "proc_feedback", "sme", "sev", "sev_es", "ring3mwait", "kaiser", "retpoline",
        "zero_fcs_fds", "overflow_recov", "succor", "smca", "cqm_llc", "cqm_occup_llc", "cqm_mbm_total", "cqm_mbm_local",
    ], StringComparer.Ordinal);

    /// <summary>Reads <c>/proc/cpuinfo</c>; a host without it gets a CPU with only its arch.</summary>
    public static HostCpu Read(string arch)
    {
        try
        {
            return Parse(File.ReadAllText("/proc/cpuinfo"), arch);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new HostCpu { Arch = arch };
        }
    }

    /// <summary>The CPU described by <paramref name="cpuinfo"/> (the text of <c>/proc/cpuinfo</c>).</summary>
    public static HostCpu Parse(string cpuinfo, string arch)
    {
        var processors = cpuinfo.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n')
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2)
                .GroupBy(parts => parts[0].Trim(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.Ordinal))
            .Where(fields => fields.ContainsKey("processor"))
            .ToList();
        if (processors.Count == 0) return new HostCpu { Arch = arch };
        var first = processors[0];
        return new HostCpu
        {
            Arch = arch,
            Vendor = first.GetValueOrDefault("vendor_id") switch
            {
                "GenuineIntel" => "Intel",
                "AuthenticAMD" => "AMD",
                "HygonGenuine" => "Hygon",
                _ => null,
            },
            Topology = Topology(processors),
            Features = Features(first.GetValueOrDefault("flags") ?? ""),
        };
    }

    private static ImmutableArray<string> Features(string flags) =>
    [
        .. flags.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(flag => !KernelOnlyFlags.Contains(flag))
            .Select(flag => LibvirtNames.GetValueOrDefault(flag, flag))
            .Distinct(StringComparer.Ordinal),
    ];

    // Sockets are the distinct physical ids; "cpu cores" counts cores per socket and "siblings"
    // logical CPUs per socket, so threads per core is their ratio.
    private static HostCpuTopology? Topology(List<Dictionary<string, string>> processors)
    {
        var first = processors[0];
        if (!uint.TryParse(first.GetValueOrDefault("cpu cores"), out var cores) || cores == 0) return null;
        if (!uint.TryParse(first.GetValueOrDefault("siblings"), out var siblings) || siblings < cores) return null;
        var sockets = (uint)processors.Select(p => p.GetValueOrDefault("physical id")).Distinct().Count();
        return new HostCpuTopology(Math.Max(sockets, 1), cores, siblings / cores);
    }
}
