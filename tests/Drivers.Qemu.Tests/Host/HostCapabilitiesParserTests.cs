using DomainLauncher.HostRuntime.Inputs;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Tests.Host;

public sealed class HostCapabilitiesParserTests
{
    private const string Sample = """
        <capabilities>
          <host>
            <uuid>6c2a5b2e-0000-4000-8000-000000000001</uuid>
            <cpu>
              <arch>x86_64</arch>
              <model>core2duo</model>
              <vendor>Intel</vendor>
              <topology sockets='1' cores='2' threads='1'/>
              <feature name='vmx'/>
              <feature name='ds'/>
            </cpu>
            <migration_features><live/></migration_features>
          </host>
          <guest>
            <os_type>hvm</os_type>
            <arch name='i686'>
              <wordsize>32</wordsize>
              <emulator>/usr/bin/qemu</emulator>
              <machine>pc</machine>
              <domain type='qemu'/>
            </arch>
            <features><pae/><acpi default='on' toggle='yes'/></features>
          </guest>
          <guest>
            <os_type>hvm</os_type>
            <arch name='x86_64'>
              <wordsize>64</wordsize>
              <emulator>/usr/bin/qemu-system-x86_64</emulator>
              <machine maxCpus='255'>pc-0.11</machine>
              <machine canonical='pc-0.11'>pc</machine>
              <domain type='qemu'/>
              <domain type='kvm'>
                <emulator>/usr/bin/kvm</emulator>
                <machine>pc</machine>
              </domain>
            </arch>
          </guest>
        </capabilities>
        """;

    [Fact]
    public void Host_cpu_is_read_with_arch_model_vendor_topology_and_features()
    {
        var result = HostCapabilitiesParser.ParseText(Sample);
        Assert.Empty(result.Diagnostics);
        var cpu = result.Value!.Cpu!;
        Assert.Equal("x86_64", cpu.Arch);
        Assert.Equal("core2duo", cpu.Model);
        Assert.Equal("Intel", cpu.Vendor);
        Assert.Equal(new HostCpuTopology(1, 2, 1), cpu.Topology);
        Assert.Equal(["vmx", "ds"], cpu.Features.AsEnumerable());
        Assert.Equal("6c2a5b2e-0000-4000-8000-000000000001", result.Value.HostUuid);
    }

    [Fact]
    public void Guests_are_read_with_machines_canonical_names_and_domain_types()
    {
        var caps = HostCapabilitiesParser.ParseText(Sample).Value!;
        Assert.Equal(2, caps.Guests.Length);
        var x86 = caps.FindGuest(OsType.Hvm, "x86_64")!;
        Assert.Equal(64u, x86.WordSize);
        Assert.Equal("/usr/bin/qemu-system-x86_64", x86.Emulator);
        Assert.Equal("pc-0.11", x86.Machines[1].Canonical);
        Assert.Equal(255u, x86.Machines[0].MaxCpus);
        Assert.Equal("/usr/bin/kvm", x86.EmulatorFor(DomainType.Kvm));
        Assert.Equal("/usr/bin/qemu-system-x86_64", x86.EmulatorFor(DomainType.Qemu));
        Assert.Equal(["pc"], x86.MachinesFor(DomainType.Kvm).Select(m => m.Name));
        Assert.Equal(2, x86.MachinesFor(DomainType.Qemu).Length);
        var i686 = caps.FindGuest(OsType.Hvm, "i686")!;
        Assert.Equal([new GuestFeature("pae"), new GuestFeature("acpi") { DefaultOn = true, Toggle = true }], i686.Features.AsEnumerable());
    }

    [Fact]
    public void Default_guest_arch_is_the_first_guest_running_under_the_hypervisor_type()
    {
        var caps = HostCapabilitiesParser.ParseText(Sample).Value!;
        Assert.Equal("i686", caps.DefaultGuestArch(OsType.Hvm, DomainType.Qemu));
        Assert.Equal("x86_64", caps.DefaultGuestArch(OsType.Hvm, DomainType.Kvm));
        Assert.Null(caps.DefaultGuestArch(OsType.Xen, DomainType.Qemu));
        Assert.Equal("x86_64", caps.FindGuestByEmulator("/usr/bin/kvm")!.Arch);
    }

    [Fact]
    public void Guest_arch_without_name_is_an_error_located_at_the_arch()
    {
        var result = HostCapabilitiesParser.ParseText("<capabilities>\n<guest><os_type>hvm</os_type>\n<arch><wordsize>64</wordsize></arch></guest></capabilities>");
        Assert.True(result.HasErrors);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.MissingAttribute, error.Code);
        Assert.Contains("'name'", error.Message);
        Assert.Equal(3, error.Location.Line);
    }

    [Fact]
    public void Unknown_os_type_is_an_error_naming_the_allowed_ones()
    {
        var result = HostCapabilitiesParser.ParseText("<capabilities><guest><os_type>dos</os_type><arch name='x'/></guest></capabilities>");
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.UnknownEnumValue, error.Code);
        Assert.Contains("'dos'", error.Message);
        Assert.Contains("hvm", error.Message);
    }

    [Fact]
    public void Unknown_element_is_a_warning_not_an_error()
    {
        var result = HostCapabilitiesParser.ParseText("<capabilities><host><gizmo/></host></capabilities>");
        Assert.False(result.HasErrors);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnknownElement, warning.Code);
        Assert.Contains("gizmo", warning.Message);
    }

    [Fact]
    public void Wrong_root_element_is_an_error()
    {
        var result = HostCapabilitiesParser.ParseText("<domain/>");
        Assert.Null(result.Value);
        Assert.Equal(DiagnosticCatalog.WrongRootElement, Assert.Single(result.Diagnostics).Code);
    }

    [SharedCorpusFact]
    public void Corpus_host_capabilities_parse_without_any_diagnostic()
    {
        var result = HostCapabilitiesParser.LoadFile(InputFiles.Disk, Path.Combine(SharedCorpus.Suite("qemuxml2argv"), "host-capabilities.xml"));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(5, result.Value!.Guests.Length);
        Assert.Equal("x86_64", result.Value.Cpu!.Arch);
    }
}
