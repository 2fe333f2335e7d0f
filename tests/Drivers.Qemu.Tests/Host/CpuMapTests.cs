using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Tests.Host;

public sealed class CpuMapTests
{
    private const string Sample = """
        <cpus>
          <arch name='x86'>
            <vendor name='Intel' string='GenuineIntel'/>
            <feature name='fpu'><cpuid function='0x00000001' edx='0x00000001'/></feature>
            <feature name='vme'><cpuid function='0x00000001' edx='0x00000002'/></feature>
            <feature name='sse'><cpuid function='0x00000001' edx='0x02000000'/></feature>
            <model name='base'>
              <feature name='fpu'/>
              <feature name='vme'/>
            </model>
            <model name='middle'>
              <model name='base'/>
              <vendor name='Intel'/>
              <feature name='sse'/>
            </model>
            <model name='top'>
              <model name='middle'/>
              <feature name='fpu'/>
            </model>
          </arch>
          <arch name='ppc64'>
            <vendor name='IBM'/>
            <model name='POWER7'><vendor name='IBM'/><pvr value='0x003f0000'/></model>
          </arch>
        </cpus>
        """;

    [Fact]
    public void Vendors_features_and_cpuid_bits_are_read()
    {
        var result = CpuMapParser.ParseText(Sample);
        Assert.Empty(result.Diagnostics);
        var x86 = result.Value!.Arch("x86")!;
        Assert.Equal(new CpuVendorDefinition("Intel", "GenuineIntel"), x86.Vendors.Single());
        Assert.Equal(new CpuidBits(1, 0, 0, 0, 0x02000000), x86.FindFeature("sse")!.Cpuid.Single());
        Assert.Equal(0x003f0000u, result.Value.Arch("ppc64")!.FindModel("POWER7")!.Pvr);
    }

    [Fact]
    public void Features_of_a_model_include_inherited_ones_base_first_each_once()
    {
        var x86 = CpuMapParser.ParseText(Sample).Value!.Arch("x86")!;
        Assert.Equal(["fpu", "vme", "sse"], x86.FeaturesOf("top")!.Value.AsEnumerable());
        Assert.Equal(["fpu", "vme"], x86.FeaturesOf("base")!.Value.AsEnumerable());
        Assert.Null(x86.FeaturesOf("absent"));
    }

    [Fact]
    public void Vendor_of_a_model_is_inherited_from_its_base()
    {
        var x86 = CpuMapParser.ParseText(Sample).Value!.Arch("x86")!;
        Assert.Equal("Intel", x86.VendorOf("top"));
        Assert.Null(x86.VendorOf("base"));
    }

    [Fact]
    public void Guest_arches_map_to_their_cpu_map_family()
    {
        var map = CpuMapParser.ParseText(Sample).Value!;
        Assert.Equal("x86", map.ForGuestArch("x86_64")!.Name);
        Assert.Equal("x86", map.ForGuestArch("i686")!.Name);
        Assert.Equal("ppc64", map.ForGuestArch("ppc64")!.Name);
        Assert.Null(map.ForGuestArch("s390x"));
    }

    [Fact]
    public void Model_starting_from_an_undefined_model_is_an_error_naming_both()
    {
        var result = CpuMapParser.ParseText("<cpus><arch name='x86'>\n<model name='child'><model name='later'/></model>\n<model name='later'/></arch></cpus>");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(QemuDiagnostics.UndefinedCpuMapReference, error.Code);
        Assert.Contains("'child'", error.Message);
        Assert.Contains("'later'", error.Message);
        Assert.Equal(2, error.Location.Line);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Model_using_an_undefined_feature_or_vendor_is_an_error()
    {
        var result = CpuMapParser.ParseText("<cpus><arch name='x86'><model name='m'><vendor name='Acme'/><feature name='warp'/></model></arch></cpus>");
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == QemuDiagnostics.UndefinedCpuMapReference));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("'warp'"));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("'Acme'"));
    }

    [Fact]
    public void Feature_defined_twice_is_a_duplicate_error()
    {
        var result = CpuMapParser.ParseText("<cpus><arch name='x86'><feature name='a'/><feature name='a'/></arch></cpus>");
        Assert.Equal(DiagnosticCatalog.DuplicateElement, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Malformed_cpuid_function_is_an_error()
    {
        var result = CpuMapParser.ParseText("<cpus><arch name='x86'><feature name='a'><cpuid function='one'/></feature></arch></cpus>");
        Assert.Equal(DiagnosticCatalog.InvalidNumber, Assert.Single(result.Diagnostics).Code);
    }

    [SharedCorpusFact]
    public void Corpus_cpu_map_parses_and_core2duo_inherits_from_pentiumpro()
    {
        var result = CpuMapParser.LoadFile(InputFiles.Disk, Path.Combine(SharedCorpus.Suite("qemuxml2argv"), "cpu_map.xml"));
        Assert.Empty(result.Diagnostics);
        var x86 = result.Value!.Arch("x86")!;
        var features = x86.FeaturesOf("core2duo")!.Value;
        Assert.Contains("fpu", features);   // from pentiumpro, three levels up
        Assert.Contains("ssse3", features); // from n270
        Assert.Contains("lm", features);    // its own
        Assert.Equal("Intel", x86.VendorOf("core2duo"));
        Assert.Equal("AMD", x86.VendorOf("Opteron_G3"));
    }
}
