using System.Collections.Immutable;
using System.Text.Json;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Profiles;

namespace DomainLauncher.Drivers.Qemu.Tests.Cpu;

/// <summary>
/// QEMU 7.2 as recorded in <c>profiles/qemu-7.2-x86_64.json</c> (its TCG CPU view probed on the CI
/// machine), and KVM views of it on recorded host CPUs. KVM's view of a host is what QEMU would
/// report there: each model's features the host lacks are unavailable, and the host CPU's features,
/// with the paravirtual ones KVM adds and the CPUID bits KVM emulates on every host, are on. The
/// models' features are QEMU 7.2's own (<c>HostCpus/qemu-7.2-model-features.json</c>, recorded with
/// <c>query-cpu-model-expansion type=full</c>); the hosts' are <c>/proc/cpuinfo</c> flag lines.
/// </summary>
internal static class RecordedEmulatorCpus
{
    public static readonly string[] Hosts = ["amd-epyc", "intel-sapphire-rapids"];

    // Linux spells some CPUID flags differently from QEMU.
    private static readonly Dictionary<string, string> QemuNames = new(StringComparer.Ordinal)
    {
        ["sse4_1"] = "sse4.1", ["sse4_2"] = "sse4.2", ["tsc_deadline_timer"] = "tsc-deadline", ["cr8_legacy"] = "cr8legacy",
        ["avx512_vnni"] = "avx512vnni", ["avx512_bitalg"] = "avx512bitalg", ["avx512_vbmi2"] = "avx512vbmi2",
        ["ds_cpl"] = "ds-cpl", ["dts"] = "ds", ["pdpe1gb"] = "pdpe1gb", ["rdtscp"] = "rdtscp",
    };

    // What KVM gives every guest whatever the host CPU: its paravirtual interface and the emulated
    // x2APIC, TSC deadline timer and TSC adjust.
    private static readonly string[] KvmAdds =
    [
        "kvmclock", "kvm-pv-eoi", "kvm-pv-unhalt", "kvm-steal-time", "kvm-asyncpf", "kvm-asyncpf-int", "kvm-nopiodelay",
        "kvm-pv-tlb-flush", "kvm-pv-ipi", "kvm-poll-control", "kvm-pv-sched-yield", "kvm-hint-dedicated", "kvm-msi-ext-dest-id",
        "x2apic", "tsc-deadline", "tsc-adjust", "hypervisor",
    ];

    public static EmulatorDescription Profile { get; } = LoadProfile();

    private static string DataFolder => Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Drivers.Qemu.Tests", "Cpu", "HostCpus");

    public static string ProfilePath => Path.Combine(SharedCorpus.RepositoryRoot, "profiles", "qemu-7.2-x86_64.json");

    private static EmulatorDescription LoadProfile()
    {
        var read = EmulatorProfileFile.Read(ProfilePath);
        return read.Profile?.Describe() ?? throw new InvalidOperationException(string.Join("; ", read.Diagnostics));
    }

    /// <summary>The host CPU's features in QEMU's names, from its recorded flags line.</summary>
    public static ImmutableHashSet<string> HostFeatures(string host)
    {
        var line = File.ReadLines(Path.Combine(DataFolder, host + ".flags")).First(l => !l.StartsWith('#'));
        return [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => QemuNames.GetValueOrDefault(f) ?? f.Replace('_', '-'))];
    }

    /// <summary>The profile's emulator with a KVM view of it on <paramref name="host"/>.</summary>
    public static EmulatorDescription OnKvmHost(string host)
    {
        var tcg = Profile.CpusFor(QemuAccelerator.Tcg) ?? throw new InvalidOperationException("the profile has no TCG CPU view");
        var hostFeatures = HostFeatures(host);
        var models = ModelFeatures();
        // A CPUID feature is one some host or TCG can lack; other properties (check, l3-cache, ...) are settings.
        var cpuid = Hosts.SelectMany(HostFeatures).Concat(tcg.Definitions.SelectMany(d => d.UnavailableFeatures)).Select(Normal).ToHashSet();
        var hostNormal = hostFeatures.Concat(KvmAdds).Select(Normal).ToHashSet();
        var definitions = tcg.Definitions.Select(d => d with
        {
            UnavailableFeatures = [.. (models.GetValueOrDefault(d.Name) ?? [])
                .Where(f => cpuid.Contains(Normal(f)) && !hostNormal.Contains(Normal(f)))
                .DistinctBy(Normal)],
        }).Append(new CpuDefinition("host")).ToImmutableArray();
        var settings = tcg.FeaturesOn.Where(f => !cpuid.Contains(Normal(f)));
        var on = hostFeatures.Concat(KvmAdds).Concat(settings).ToHashSet(StringComparer.Ordinal);
        var kvm = new AcceleratorCpus
        {
            Definitions = definitions,
            ExpandedModel = "host",
            FeaturesOn = [.. on],
            FeaturesOff = [.. tcg.FeaturesOn.Union(tcg.FeaturesOff).Except(on)],
        };
        return Profile with
        {
            AcceleratorCpus = Profile.AcceleratorCpus.SetItem(QemuAccelerator.Kvm, kvm),
            CpuModels = Profile.CpuModels.Contains("host") ? Profile.CpuModels : Profile.CpuModels.Add("host"),
        };
    }

    private static string Normal(string feature) => feature.Replace('_', '-').Replace('.', '-') switch
    {
        "pclmuldq" => "pclmulqdq",
        "i64" => "lm",
        var other => other,
    };

    private static Dictionary<string, string[]> ModelFeatures()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "qemu-7.2-model-features.json")));
        return json.RootElement.GetProperty("models").EnumerateObject()
            .ToDictionary(m => m.Name, m => m.Value.EnumerateArray().Select(f => f.GetString()!).ToArray(), StringComparer.Ordinal);
    }
}
