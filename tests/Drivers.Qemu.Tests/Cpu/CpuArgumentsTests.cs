using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Cpu;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Drivers.Qemu.Tests.Cpu;

public sealed class CpuArgumentsTests
{
    // A small map: features in document order fpu, vme, sse, sse2, ht, nx, svm; models in document
    // order base (fpu vme), middle (base + sse), top (middle + sse2), amdish (base + svm, AMD).
    private static readonly CpuMap Map = CpuMapParser.ParseText("""
        <cpus>
          <arch name='x86'>
            <vendor name='Intel' string='GenuineIntel'/>
            <vendor name='AMD' string='AuthenticAMD'/>
            <feature name='fpu'><cpuid function='0x00000001' edx='0x00000001'/></feature>
            <feature name='vme'><cpuid function='0x00000001' edx='0x00000002'/></feature>
            <feature name='sse'><cpuid function='0x00000001' edx='0x02000000'/></feature>
            <feature name='sse2'><cpuid function='0x00000001' edx='0x04000000'/></feature>
            <feature name='ht'><cpuid function='0x00000001' edx='0x10000000'/></feature>
            <feature name='nx'><cpuid function='0x80000001' edx='0x00100000'/></feature>
            <feature name='svm'><cpuid function='0x80000001' ecx='0x00000004'/></feature>
            <model name='base'><feature name='fpu'/><feature name='vme'/></model>
            <model name='middle'><model name='base'/><feature name='sse'/></model>
            <model name='top'><model name='middle'/><feature name='sse2'/></model>
            <model name='amdish'><model name='base'/><vendor name='AMD'/><feature name='svm'/></model>
          </arch>
        </cpus>
        """).Value!;

    // The host: a 'middle' CPU that also has ht and nx. Added and removed features are written in
    // the map's reverse order (nx before ht), as libvirt did.
    private static readonly HostCpu Host = new() { Arch = "x86_64", Model = "middle", Vendor = "Intel", Features = ["ht", "nx"] };

    private static CpuRequest Request(string domainXml, string arch = "x86_64", string emulator = "/usr/bin/qemu",
        string[]? models = null, params QemuCapability[] caps)
    {
        var parsed = DomainParser.ParseText(domainXml);
        Assert.False(parsed.HasErrors, string.Join("; ", parsed.Diagnostics));
        var domain = parsed.Domain!;
        return new CpuRequest
        {
            DomainType = domain.Type,
            Arch = arch,
            EmulatorPath = emulator,
            Cpu = domain.Cpu,
            Timers = domain.Clock?.Timers ?? [],
            ApicEoi = domain.Features?.ApicEoi,
            Capabilities = QemuCapabilitySet.Of(caps),
            EmulatorCpuModels = [.. models ?? ["base", "middle", "top", "amdish"]],
            HostCpu = Host,
            CpuMap = Map,
            Location = domain.Location,
        };
    }

    private static string Domain(string body, string type = "qemu") =>
        $"<domain type='{type}'><name>d</name><memory>1024</memory><os><type>hvm</type></os>{body}</domain>";

    private static string Cpu(string inner, string attrs = "") => Domain($"<cpu{attrs}>{inner}</cpu>");

    private static Diagnostic SingleError(CpuArgumentsResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Empty(result.Words);
        return Assert.Single(result.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Domain_without_cpu_on_a_64_bit_guest_gets_no_cpu_argument()
    {
        var result = CpuArguments.Build(Request(Domain("")));
        Assert.True(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Empty(result.Words);
    }

    [Fact]
    public void Thirty_two_bit_guest_on_a_64_bit_emulator_gets_qemu32()
    {
        var result = CpuArguments.Build(Request(Domain(""), arch: "i686", emulator: "/usr/bin/qemu-system-x86_64"));
        Assert.Equal(["-cpu", "qemu32"], result.Words.AsEnumerable());
    }

    [Fact]
    public void Thirty_two_bit_guest_on_a_kvm_emulator_gets_qemu32_only_on_a_64_bit_host()
    {
        var request = Request(Domain(""), arch: "i686", emulator: "/usr/bin/qemu-kvm");
        Assert.Equal("qemu32", CpuArguments.Build(request).Value);
        Assert.Null(CpuArguments.Build(request with { HostMachine = "i686" }).Value);
    }

    [Fact]
    public void Topology_only_cpu_element_asks_for_no_model()
    {
        var result = CpuArguments.Build(Request(Cpu("<topology sockets='1' cores='2' threads='1'/>")));
        Assert.True(result.Succeeded);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("x86_64", "no", "qemu64,-kvmclock")]
    [InlineData("x86_64", "yes", "qemu64,+kvmclock")]
    [InlineData("i686", "no", "qemu32,-kvmclock")]
    public void Kvmclock_timer_switches_kvmclock_on_the_default_model(string arch, string present, string expected)
    {
        var xml = Domain($"<clock offset='utc'><timer name='kvmclock' present='{present}'/></clock>");
        Assert.Equal(expected, CpuArguments.Build(Request(xml, arch: arch)).Value);
    }

    [Fact]
    public void Kvmclock_timer_without_present_changes_nothing()
    {
        var xml = Domain("<clock offset='utc'><timer name='kvmclock'/></clock>");
        Assert.Null(CpuArguments.Build(Request(xml)).Value);
    }

    [Fact]
    public void Apic_eoi_comes_after_kvmclock()
    {
        var xml = Domain("<features><apic eoi='off'/></features><clock offset='utc'><timer name='kvmclock' present='no'/></clock>");
        Assert.Equal("qemu64,-kvmclock,-kvm_pv_eoi", CpuArguments.Build(Request(xml)).Value);
        var on = Domain("<features><apic eoi='on'/></features>");
        Assert.Equal("qemu32,+kvm_pv_eoi", CpuArguments.Build(Request(on, arch: "i686")).Value);
    }

    [Fact]
    public void Host_passthrough_on_kvm_with_cpu_host_is_host_and_keeps_kvmclock()
    {
        var xml = Domain("<cpu mode='host-passthrough'/><clock offset='utc'><timer name='kvmclock' present='no'/></clock>", type: "kvm");
        var result = CpuArguments.Build(Request(xml, caps: [QemuCapability.Kvm, QemuCapability.CpuHost]));
        Assert.Equal(["-cpu", "host,-kvmclock"], result.Words.AsEnumerable());
    }

    [Fact]
    public void Host_passthrough_without_the_cpu_host_capability_is_refused_naming_it()
    {
        var xml = Domain("<cpu mode='host-passthrough'/>", type: "kvm");
        var error = SingleError(CpuArguments.Build(Request(xml, caps: [QemuCapability.Kvm])));
        Assert.Equal(CpuDiagnostics.CpuModeNeedsCapability, error.Code);
        Assert.Contains("'cpu-host'", error.Message);
        Assert.Contains("host-passthrough", error.Message);
    }

    [Fact]
    public void Host_passthrough_on_a_plain_qemu_domain_is_refused()
    {
        var xml = Domain("<cpu mode='host-passthrough'/>");
        var error = SingleError(CpuArguments.Build(Request(xml, caps: [QemuCapability.Kvm, QemuCapability.CpuHost])));
        Assert.Equal(CpuDiagnostics.CpuModeNeedsKvm, error.Code);
        Assert.Contains("'qemu'", error.Message);
    }

    [Fact]
    public void Cpu_model_is_refused_when_the_emulator_reports_no_models()
    {
        var error = SingleError(CpuArguments.Build(Request(Cpu("<model>base</model>"), models: [])));
        Assert.Equal(CpuDiagnostics.CpuSpecificationUnsupported, error.Code);
    }

    [Fact]
    public void Cpu_model_is_refused_when_the_host_cpu_is_unknown()
    {
        var request = Request(Cpu("<model>base</model>")) with { HostCpu = null };
        Assert.Equal(CpuDiagnostics.CpuSpecificationUnsupported, SingleError(CpuArguments.Build(request)).Code);
    }

    [Fact]
    public void Exact_model_keeps_only_what_it_asks_for_and_lists_disabled_model_features()
    {
        // match defaults to exact: the host's ht and nx are not passed on.
        Assert.Equal("middle", CpuArguments.Build(Request(Cpu("<model>middle</model>"))).Value);
        var xml = Cpu("<model>middle</model><feature policy='disable' name='vme'/><feature name='nx'/><feature policy='optional' name='ht'/>");
        Assert.Equal("middle,+nx,+ht,-vme", CpuArguments.Build(Request(xml)).Value);
    }

    [Fact]
    public void Forced_feature_is_added_even_when_the_host_lacks_it()
    {
        var xml = Cpu("<model>middle</model><feature policy='force' name='svm'/>");
        var result = CpuArguments.Build(Request(xml));
        Assert.Equal("middle,+svm", result.Value);
        Assert.True(result.HasSvm);
    }

    [Fact]
    public void Minimum_match_gives_the_host_model_with_all_host_features()
    {
        var xml = Cpu("<model>base</model><feature policy='disable' name='nx'/>", " match='minimum'");
        var result = CpuArguments.Build(Request(xml));
        Assert.Equal("middle,+ht", result.Value);
        Assert.False(result.HasSvm);
    }

    [Fact]
    public void Strict_match_is_refused_when_the_host_has_extra_features_naming_them()
    {
        var error = SingleError(CpuArguments.Build(Request(Cpu("<model>middle</model><feature name='nx'/>", " match='strict'"))));
        Assert.Equal(CpuDiagnostics.IncompatibleWithHost, error.Code);
        Assert.Contains("ht", error.Message);
        Assert.DoesNotContain("nx", error.Message);
    }

    [Fact]
    public void Strict_match_naming_every_host_feature_is_accepted()
    {
        var xml = Cpu("<model>middle</model><feature name='nx'/><feature name='ht' policy='optional'/>", " match='strict'");
        Assert.Equal("middle,+nx,+ht", CpuArguments.Build(Request(xml)).Value);
    }

    [Theory]
    [InlineData("<model>top</model>", "sse2")]
    [InlineData("<model>base</model><feature name='svm'/>", "svm")]
    public void Required_feature_the_host_lacks_is_refused_naming_it(string inner, string missing)
    {
        foreach (var match in new[] { "exact", "minimum", "strict" })
        {
            var error = SingleError(CpuArguments.Build(Request(Cpu(inner, $" match='{match}'"))));
            Assert.Equal(CpuDiagnostics.IncompatibleWithHost, error.Code);
            Assert.Contains($"required features: {missing}", error.Message);
        }
    }

    [Fact]
    public void Forbidden_feature_the_host_has_is_refused_naming_it()
    {
        var error = SingleError(CpuArguments.Build(Request(Cpu("<model>base</model><feature policy='forbid' name='nx'/>"))));
        Assert.Equal(CpuDiagnostics.IncompatibleWithHost, error.Code);
        Assert.Contains("forbidden features: nx", error.Message);
    }

    [Fact]
    public void Vendor_other_than_the_host_vendor_is_refused()
    {
        var error = SingleError(CpuArguments.Build(Request(Cpu("<model>base</model><vendor>AMD</vendor>"))));
        Assert.Equal(CpuDiagnostics.IncompatibleWithHost, error.Code);
        Assert.Contains("'AMD'", error.Message);
        Assert.Contains("'Intel'", error.Message);
    }

    [Fact]
    public void Model_the_emulator_lacks_falls_back_to_the_closest_supported_model()
    {
        var xml = Cpu("<model>middle</model>");
        // base needs +sse, amdish needs +sse and -svm: fewest changes win.
        Assert.Equal("base,+sse", CpuArguments.Build(Request(xml, models: ["base", "amdish"])).Value);
        // base (+sse) and top (-sse2) tie: the later model in the map wins.
        Assert.Equal("top,-sse2", CpuArguments.Build(Request(xml, models: ["base", "top"])).Value);
    }

    [Fact]
    public void Model_the_emulator_lacks_with_fallback_forbid_is_refused_at_the_cpu_element()
    {
        var xml = Domain("\n<cpu>\n  <model fallback='forbid'>middle</model></cpu>");
        var error = SingleError(CpuArguments.Build(Request(xml, models: ["base", "top"])));
        Assert.Equal(CpuDiagnostics.CpuModelNotSupported, error.Code);
        Assert.Contains("'middle'", error.Message);
        Assert.Contains("base, top", error.Message);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Unknown_model_and_unknown_feature_are_refused_naming_them()
    {
        var model = SingleError(CpuArguments.Build(Request(Cpu("<model>nosuch</model>"))));
        Assert.Equal(CpuDiagnostics.UnknownCpuModel, model.Code);
        Assert.Contains("'nosuch'", model.Message);
        var feature = SingleError(CpuArguments.Build(Request(Cpu("<model>base</model><feature name='warp'/>"))));
        Assert.Equal(CpuDiagnostics.UnknownCpuFeature, feature.Code);
        Assert.Contains("'warp'", feature.Message);
    }

    [Fact]
    public void Host_model_copies_the_host_cpu_and_its_features()
    {
        Assert.Equal("middle,+nx,+ht", CpuArguments.Build(Request(Cpu("", " mode='host-model'"))).Value);
    }

    [Fact]
    public void Host_model_falls_back_when_the_emulator_lacks_the_host_model_unless_forbidden()
    {
        Assert.Equal("top,+nx,+ht,-sse2", CpuArguments.Build(Request(Cpu("", " mode='host-model'"), models: ["top"])).Value);
        var error = SingleError(CpuArguments.Build(Request(Cpu("<model fallback='forbid'/>", " mode='host-model'"), models: ["top"])));
        Assert.Equal(CpuDiagnostics.CpuModelNotSupported, error.Code);
    }

    [Fact]
    public void Non_x86_host_cannot_honour_a_cpu_model()
    {
        var request = Request(Cpu("<model>base</model>")) with { HostCpu = Host with { Arch = "ppc64" } };
        Assert.Equal(CpuDiagnostics.UnsupportedCpuArch, SingleError(CpuArguments.Build(request)).Code);
    }

    [Fact]
    public void Request_for_a_domain_takes_its_cpu_clock_features_and_the_emulator_models()
    {
        var domain = DomainParser.ParseText(Domain("<features><apic eoi='on'/></features><cpu><model>base</model></cpu>"
            + "<clock offset='utc'><timer name='kvmclock' present='no'/></clock><devices><emulator>/usr/bin/qemu</emulator></devices>")).Domain!;
        var emulator = new EmulatorDescription { Path = "/usr/bin/qemu", Arch = "x86_64", CpuModels = ["base"] };
        var request = CpuRequest.For(domain, emulator, new HostSettings { CpuMap = Map, Capabilities = new HostCapabilities { Cpu = Host } });
        Assert.Equal("x86_64", request.Arch);
        Assert.Equal(["base"], request.EmulatorCpuModels.AsEnumerable());
        Assert.Equal("base,-kvmclock,+kvm_pv_eoi", CpuArguments.Build(request).Value);
    }
}
