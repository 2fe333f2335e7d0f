using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Native;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.HostRuntime.Tests.Native;

public sealed class DryRunHostAssumptionsTests
{
    private static Domain Parse(string inner)
    {
        var parsed = DomainParser.ParseText($"""
            <domain type='qemu'><name>g</name><memory>65536</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              {inner}
            </domain>
            """);
        Assert.False(parsed.HasErrors, string.Join("; ", parsed.Diagnostics));
        return parsed.Domain!;
    }

    [Fact]
    public void Huge_pages_without_a_mount_assume_the_conventional_one_and_say_so_at_the_memory_backing()
    {
        var diagnostics = new List<Diagnostic>();
        var host = DryRunHostAssumptions.Apply(HostSettings.Default, Parse("<memoryBacking><hugepages/></memoryBacking>"), diagnostics);
        Assert.Equal("/dev/hugepages", host.HugetlbfsMount);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("DL6330", Severity.Warning), (warning.Code.Id, warning.Severity));
        Assert.Equal(3, warning.Location.Line);
    }

    [Fact]
    public void A_memory_device_with_a_page_size_needs_huge_pages_too()
    {
        var diagnostics = new List<Diagnostic>();
        var host = DryRunHostAssumptions.Apply(HostSettings.Default, Parse("""
            <maxMemory slots='4'>1048576</maxMemory>
            <devices><memory model='dimm'><source><pagesize unit='KiB'>2048</pagesize></source><target><size>131072</size><node>0</node></target></memory></devices>
            """), diagnostics);
        Assert.Equal("/dev/hugepages", host.HugetlbfsMount);
        Assert.Single(diagnostics);
    }

    [Fact]
    public void A_SPICE_display_asking_for_TLS_turns_it_on_with_the_settings_certificate_folder()
    {
        var diagnostics = new List<Diagnostic>();
        var host = DryRunHostAssumptions.Apply(HostSettings.Default,
            Parse("<devices><graphics type='spice' port='5900' tlsPort='5901'/></devices>"), diagnostics);
        Assert.True(host.Spice.Tls);
        Assert.Contains("/etc/pki/libvirt-spice", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Nothing_is_assumed_for_a_domain_that_needs_nothing_or_a_host_that_has_it()
    {
        var diagnostics = new List<Diagnostic>();
        var plain = Parse("<devices><graphics type='spice' port='5900'/></devices>");
        Assert.Same(HostSettings.Default, DryRunHostAssumptions.Apply(HostSettings.Default, plain, diagnostics));
        var mounted = HostSettings.Default with { HugetlbfsMount = "/mnt/huge" };
        Assert.Same(mounted, DryRunHostAssumptions.Apply(mounted, Parse("<memoryBacking><hugepages/></memoryBacking>"), diagnostics));
        Assert.Empty(diagnostics);
    }
}
