using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace DomainLauncher.Drivers.Qemu.Tests.Cpu;

/// <summary>
/// The guest CPU on a modern emulator (QEMU 7.2's recorded profile): models and features checked
/// against the emulator's CPU view for the accelerator in use, never against the host CPU the
/// builder runs on; under KVM the view is a recorded host's (an AMD EPYC and an Intel Sapphire Rapids).
/// </summary>
public sealed class EmulatorCpuArgumentsTests(ITestOutputHelper output)
{
    // Built as for a launch (what the accelerator cannot give refuses the domain) unless dryRun: then it is a warning.
    private static QemuBuildResult Build(string body, QemuAccelerator accelerator, EmulatorDescription? emulator = null, string type = "kvm", bool dryRun = false) =>
        Build(Parse(body, type), accelerator, emulator, dryRun);

    private static QemuBuildResult Build(Domain domain, QemuAccelerator accelerator, EmulatorDescription? emulator = null, bool dryRun = false) =>
        QemuCommandBuilder.Build(domain, emulator ?? RecordedEmulatorCpus.Profile, HostSettings.Default,
            new QemuBuildOptions { Accelerator = accelerator, KvmUsable = accelerator == QemuAccelerator.Kvm, RefuseUnfit = !dryRun });

    private static string Warnings(QemuBuildResult result) =>
        string.Join(" ", result.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.Code.Id));

    private static Domain Parse(string body, string type = "kvm")
    {
        var parsed = DomainParser.ParseText($"""
            <domain type='{type}'><name>g</name><memory>65536</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              {body}
              <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>
            </domain>
            """);
        Assert.False(parsed.HasErrors, string.Join("; ", parsed.Diagnostics));
        return parsed.Domain!;
    }

    private static string? CpuValue(QemuBuildResult result)
    {
        Assert.True(result.CommandLine is not null, string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
        var args = result.CommandLine!.Args;
        var at = args.IndexOf("-cpu");
        return at < 0 ? null : args[at + 1];
    }

    private static string Codes(QemuBuildResult result) => string.Join(" ", result.Diagnostics.Where(d => d.IsError).Select(d => d.Code.Id));

    [Fact]
    public void A_custom_model_is_written_with_QEMUs_feature_names_and_on_off_values()
    {
        var value = CpuValue(Build("""
            <cpu mode='custom'><model fallback='forbid'>Westmere</model>
              <feature name='pclmuldq' policy='require'/><feature name='lahf_lm' policy='require'/><feature name='aes' policy='disable'/>
            </cpu>
            """, QemuAccelerator.Tcg));
        Assert.Equal("Westmere,pclmulqdq=on,lahf-lm=on,aes=off", value);
    }

    [Fact]
    public void A_model_the_emulator_does_not_define_is_refused_at_the_cpu_element_naming_it()
    {
        var result = Build("<cpu><model>Pentium-Pro-2049</model></cpu>", QemuAccelerator.Tcg);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("DL4460", error.Code.Id);
        Assert.Contains("'Pentium-Pro-2049'", error.Message);
        Assert.True(error.Location.Line > 0);
    }

    [Fact]
    public void A_required_feature_TCG_cannot_give_is_refused_unless_forced_or_unchecked()
    {
        // xtpr is an Intel power-management feature TCG does not emulate (the profile's max expansion has it off).
        var required = Build("<cpu><model>qemu64</model><feature name='xtpr' policy='require'/></cpu>", QemuAccelerator.Tcg);
        Assert.Equal("DL4465", Codes(required));
        Assert.Contains("'xtpr'", required.Diagnostics.First(d => d.IsError).Message);
        Assert.Equal("qemu64,xtpr=on", CpuValue(Build("<cpu><model>qemu64</model><feature name='xtpr' policy='force'/></cpu>", QemuAccelerator.Tcg)));
        Assert.Equal("qemu64,xtpr=on", CpuValue(Build("<cpu check='none'><model>qemu64</model><feature name='xtpr'/></cpu>", QemuAccelerator.Tcg)));
        Assert.Equal("qemu64", CpuValue(Build("<cpu><model>qemu64</model><feature name='xtpr' policy='optional'/></cpu>", QemuAccelerator.Tcg)));
    }

    [Fact]
    public void Model_features_the_accelerator_lacks_are_a_warning_and_with_check_full_a_refusal()
    {
        var partial = Build("<cpu><model>Haswell</model></cpu>", QemuAccelerator.Tcg);
        Assert.Equal("Haswell", CpuValue(partial));
        Assert.Contains(partial.Diagnostics, d => d.Code.Id == "DL4463" && d.Message.Contains("x2apic", StringComparison.Ordinal));
        Assert.Equal("DL4462", Codes(Build("<cpu check='full'><model>Haswell</model></cpu>", QemuAccelerator.Tcg)));
        var dryRun = Build("<cpu check='full'><model>Haswell</model></cpu>", QemuAccelerator.Tcg, dryRun: true);
        Assert.Equal("Haswell", CpuValue(dryRun));
        Assert.Equal("DL4462", Warnings(dryRun));
    }

    [Fact]
    public void A_dry_run_writes_what_the_accelerator_cannot_give_as_asked_and_warns_at_each_element()
    {
        var required = Build("<cpu><model>qemu64</model><feature name='xtpr' policy='require'/></cpu>", QemuAccelerator.Tcg, dryRun: true);
        Assert.Equal("qemu64,xtpr=on", CpuValue(required));
        Assert.Equal("DL4465", Warnings(required));
        var switches = Build("<features><apic eoi='on'/><hyperv><relaxed state='on'/></hyperv></features>", QemuAccelerator.Tcg, dryRun: true);
        Assert.Equal("qemu64,kvm-pv-eoi=on,hv-relaxed=on", CpuValue(switches));
        Assert.Equal("DL4465 DL4466", Warnings(switches));
        Assert.All(switches.Diagnostics.Where(d => d.Code.Id is "DL4465" or "DL4466"), d => Assert.Contains("launch and check refuse the domain", d.Message));
    }

    [Fact]
    public void Host_passthrough_is_host_under_KVM_and_max_under_TCG_with_a_note()
    {
        var kvm = RecordedEmulatorCpus.OnKvmHost("amd-epyc");
        Assert.Equal("host", CpuValue(Build("<cpu mode='host-passthrough'/>", QemuAccelerator.Kvm, kvm)));
        var tcg = Build("<cpu mode='host-passthrough' migratable='on'/>", QemuAccelerator.Tcg);
        Assert.Equal("max,migratable=on", CpuValue(tcg));
        Assert.Contains(tcg.Diagnostics, d => d.Code.Id == "DL4461" && d.Severity == Severity.Warning);
        Assert.Equal("host,migratable=on", CpuValue(Build("<cpu mode='host-model'/>", QemuAccelerator.Kvm, kvm)));
        Assert.Equal("max", CpuValue(Build("<cpu mode='maximum'/>", QemuAccelerator.Tcg)));
    }

    [Fact]
    public void Hyper_V_enlightenments_are_hv_properties_under_KVM_and_refused_under_TCG()
    {
        const string features = """
            <features><hyperv><relaxed state='on'/><vapic state='on'/><spinlocks state='on' retries='12287'/>
              <vendor_id state='on' value='KVM Hv'/><stimer state='on'><direct state='on'/></stimer><reset state='off'/></hyperv></features>
            """;
        var kvm = RecordedEmulatorCpus.OnKvmHost("intel-sapphire-rapids");
        Assert.Equal("qemu64,hv-relaxed=on,hv-vapic=on,hv-spinlocks=0x2fff,hv-stimer=on,hv-stimer-direct=on,hv-vendor-id=KVM Hv",
            CpuValue(Build(features, QemuAccelerator.Kvm, kvm)));
        var tcg = Build(features, QemuAccelerator.Tcg);
        Assert.Equal("DL4466", Codes(tcg));
        Assert.Equal("qemu64,hv-passthrough=on", CpuValue(Build("<features><hyperv mode='passthrough'/></features>", QemuAccelerator.Kvm, kvm)));
    }

    [Fact]
    public void Paravirtual_switches_are_checked_against_the_accelerator()
    {
        const string features = "<features><apic eoi='on'/><pvspinlock state='on'/><kvm><hidden state='on'/><poll-control state='on'/></kvm><pmu state='off'/></features>";
        var kvm = RecordedEmulatorCpus.OnKvmHost("amd-epyc");
        Assert.Equal("qemu64,kvm-pv-eoi=on,kvm-pv-unhalt=on,kvm=off,kvm-poll-control=on,pmu=off", CpuValue(Build(features, QemuAccelerator.Kvm, kvm)));
        Assert.Equal("DL4465 DL4465 DL4465", Codes(Build(features, QemuAccelerator.Tcg)));
        Assert.Equal("qemu64,kvm-pv-eoi=off", CpuValue(Build("<features><apic eoi='off'/></features>", QemuAccelerator.Tcg)));
    }

    [Fact]
    public void Cache_vendor_and_address_width_are_cpu_properties()
    {
        Assert.Equal("qemu64,vendor=AuthenticAMD,l3-cache=on,phys-bits=42", CpuValue(Build("""
            <cpu><model vendor_id='AuthenticAMD'>qemu64</model><cache level='3' mode='emulate'/><maxphysaddr mode='emulate' bits='42'/></cpu>
            """, QemuAccelerator.Tcg)));
        Assert.Equal("max,host-cache-info=on,l3-cache=off,host-phys-bits=on", CpuValue(Build("""
            <cpu mode='maximum'><cache mode='passthrough'/><maxphysaddr mode='passthrough'/></cpu>
            """, QemuAccelerator.Tcg)));
    }

    [Fact]
    public void A_legacy_capability_set_refuses_CPU_level_settings_naming_the_missing_capability()
    {
        var legacy = RecordedEmulatorCpus.Profile with
        {
            Capabilities = QemuCapabilitySet.Of(RecordedEmulatorCpus.Profile.Capabilities.Where(c => c != QemuCapability.CpuModelExpansion)),
        };
        var result = Build("<features><hyperv><vapic state='on'/></hyperv></features>", QemuAccelerator.Kvm, legacy);
        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "DL4467");
        Assert.Contains("query-cpu-model-expansion", error.Message);
    }

    /// <summary>
    /// Every domain of both corpora with a <c>&lt;cpu&gt;</c> or a CPU-level feature, under TCG and under KVM on
    /// each recorded host: no CPU refusal speaks of the host CPU map (the 0.10.2 algorithm's DL42xx), each
    /// refusal is located, and a feature refused under KVM is one that host lacks.
    /// </summary>
    [SharedCorpusFact]
    public void Every_cpu_domain_of_both_corpora_builds_on_each_recorded_host_or_is_refused_for_a_feature_that_host_lacks()
    {
        var files = Directory.GetFiles(SharedCorpus.Suite("qemuxml2argv"), "*.xml")
            .Concat(Directory.GetFiles(SharedCorpus.TodaySuite("qemu-x86_64"), "*.xml"))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("<cpu", StringComparison.Ordinal) || text.Contains("<hyperv", StringComparison.Ordinal)
                || text.Contains("eoi=", StringComparison.Ordinal) || text.Contains("<pvspinlock", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        var built = new Dictionary<string, int>();
        var cpuDomains = 0;
        foreach (var file in files)
        {
            var parsed = DomainLoader.LoadFile(InputFiles.Disk, file);
            if (parsed.Domain is not { } domain || parsed.HasErrors || domain.Os?.Arch is not (null or "x86_64" or "i686")) continue;
            cpuDomains++;
            foreach (var (name, accelerator, emulator) in Views())
            {
                var result = Build(domain with { Type = DomainType.Kvm }, accelerator, emulator);
                var cpuErrors = result.Diagnostics.Where(d => d.IsError && d.Code.Id.StartsWith("DL42", StringComparison.Ordinal)).ToList();
                Assert.True(cpuErrors.Count == 0, $"{Path.GetFileName(file)} ({name}): {string.Join("; ", cpuErrors.Select(d => d.Message))}");
                foreach (var error in result.Diagnostics.Where(d => d.IsError && d.Code.Id.StartsWith("DL446", StringComparison.Ordinal)))
                {
                    // Every model and feature the corpora name is one QEMU 7.2 defines: refusals are about what the accelerator gives.
                    Assert.True(error.Code.Id is "DL4465" or "DL4466", $"{Path.GetFileName(file)} ({name}): {error.Code.Id} {error.Message}");
                    Assert.True(error.Location.Line > 0, $"{Path.GetFileName(file)} ({name}): unlocated {error.Message}");
                    if (accelerator == QemuAccelerator.Kvm && error.Code.Id == "DL4465")
                    {
                        var host = RecordedEmulatorCpus.HostFeatures(name.Split(' ')[1]);
                        var feature = Regex.Match(error.Message, "(?:the guest|the CPU feature) '([^']+)'").Groups[1].Value;
                        Assert.False(host.Contains(feature), $"{Path.GetFileName(file)} ({name}): '{feature}' refused though the host has it");
                    }
                }
                var refusals = result.Diagnostics.Where(d => d.IsError && d.Code.Id.StartsWith("DL446", StringComparison.Ordinal)).ToList();
                if (refusals.Count == 0) built[name] = built.GetValueOrDefault(name) + 1;
                else output.WriteLine($"{name}: {Path.GetFileName(file)}: {string.Join("; ", refusals.Select(d => $"{d.Code.Id} {d.Message}"))}");
            }
        }
        foreach (var (name, count) in built) output.WriteLine($"{name}: {count} of {cpuDomains} CPU domains pass the CPU checks");
        Assert.True(cpuDomains > 50, $"only {cpuDomains} CPU domains found");
        Assert.Equal(3, built.Count);
    }

    private static IEnumerable<(string Name, QemuAccelerator Accelerator, EmulatorDescription Emulator)> Views()
    {
        yield return ("TCG", QemuAccelerator.Tcg, RecordedEmulatorCpus.Profile);
        foreach (var host in RecordedEmulatorCpus.Hosts)
            yield return ($"KVM {host}", QemuAccelerator.Kvm, RecordedEmulatorCpus.OnKvmHost(host));
    }
}
