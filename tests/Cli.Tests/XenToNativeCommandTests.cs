using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

public sealed class XenToNativeCommandTests : IDisposable
{
    private const string PvExample = "examples/xen-pv.xml";

    // A fully virtualized guest with a VNC display and a clock only xend 3.1.0 (version 4) can express.
    internal const string HvmDomain = """
        <domain type='xen'>
          <name>hvm-guest</name>
          <uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
          <memory>262144</memory>
          <vcpu>1</vcpu>
          <os>
            <type arch='x86_64' machine='xenfv'>hvm</type>
            <loader>/usr/lib/xen/boot/hvmloader</loader>
            <boot dev='hd'/>
          </os>
          <features><acpi/><apic/><pae/></features>
          <clock offset='variable' adjustment='0' basis='utc'/>
          <devices>
            <emulator>/usr/lib/xen/bin/qemu-dm</emulator>
            <disk type='block' device='disk'>
              <source dev='/dev/vg0/hvm-guest'/>
              <target dev='hda' bus='ide'/>
            </disk>
            <graphics type='vnc' port='-1' autoport='yes'/>
          </devices>
        </domain>
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Xen_sxpr_prints_the_xend_s_expression_on_one_line()
    {
        var run = CliProcess.Run("to-native", "xen-sxpr", PvExample);

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.StdoutLines);
        Assert.StartsWith("(vm (name 'build-worker')(memory 512)(maxmem 512)(vcpus 1)", line);
        Assert.Contains("(bootloader '/usr/bin/pygrub')", line);
        Assert.Contains("(device (vif (mac '00:16:3e:2b:7c:41')(bridge 'xenbr0')(script 'vif-bridge')))", line);
        Assert.EndsWith("))", line);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Xen_xm_prints_one_setting_per_line()
    {
        var run = CliProcess.Run("to-native", "xen-xm", PvExample);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("name = \"build-worker\"", run.StdoutLines[0]);
        Assert.Contains("memory = 512", run.StdoutLines);
        Assert.Contains("bootloader = \"/usr/bin/pygrub\"", run.StdoutLines);
        Assert.Contains("disk = [ \"tap:aio:/var/lib/xen/images/build-worker.img,xvda,w\" ]", run.StdoutLines);
        Assert.All(run.StdoutLines, l => Assert.Matches("^[a-z_]+ = ", l));
        Assert.Equal("", run.Stderr);
    }

    [Theory]
    [InlineData("xen-sxpr")]
    [InlineData("xen-xm")]
    public void Default_xend_config_version_is_4(string format)
    {
        var domain = _temp.Write("hvm.xml", HvmDomain);

        var byDefault = CliProcess.Run("to-native", format, domain);
        var four = CliProcess.Run("to-native", format, "--xend-config-version", "4", domain);

        Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
        Assert.Equal(four.Stdout, byDefault.Stdout);
        Assert.Contains("rtc_timeoffset", byDefault.Stdout);
    }

    [Fact]
    public void Xend_config_version_changes_the_s_expression()
    {
        var domain = _temp.Write("hvm.xml", HvmDomain.Replace("<clock offset='variable' adjustment='0' basis='utc'/>", "<clock offset='utc'/>", StringComparison.Ordinal));

        var two = CliProcess.Run("to-native", "xen-sxpr", "--xend-config-version", "2", domain);
        var four = CliProcess.Run("to-native", "xen-sxpr", "--xend-config-version", "4", domain);

        Assert.True(two.ExitCode == 0, two.ToString());
        Assert.True(four.ExitCode == 0, four.ToString());
        Assert.NotEqual(two.Stdout, four.Stdout);
        Assert.DoesNotContain("rtc_timeoffset", two.Stdout);
    }

    [Theory]
    [InlineData("xen-sxpr", "DL5003")]
    [InlineData("xen-xm", "DL5056")]
    public void Domain_the_xend_version_cannot_express_is_refused_with_located_diagnostics(string format, string code)
    {
        var domain = _temp.Write("hvm.xml", HvmDomain);

        var run = CliProcess.Run("to-native", format, "--xend-config-version", "1", domain);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains($"hvm.xml:12:4: error {code}: domain/clock: ", run.Stderr);
        Assert.Contains("xend config version 1", run.Stderr);
    }

    [Theory]
    [InlineData("xen-sxpr")]
    [InlineData("xen-xm")]
    public void Qemu_domain_is_refused_by_the_xen_formats(string format)
    {
        var run = CliProcess.Run("to-native", format, "examples/headless-qemu.xml");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Matches(@"examples/headless-qemu\.xml:\d+:\d+: error DL50\d\d: ", run.Stderr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("three")]
    public void Xend_config_version_outside_1_to_4_is_a_usage_error(string version)
    {
        var run = CliProcess.Run("to-native", "xen-sxpr", "--xend-config-version", version, PvExample);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains(version, run.Stderr);
        Assert.Contains("domainlauncher to-native --help", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
    }

    [Fact]
    public void Xend_config_version_out_of_range_names_the_allowed_range()
    {
        var run = CliProcess.Run("to-native", "xen-xm", "--xend-config-version", "7", PvExample);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--xend-config-version 7 is not a xend config version; allowed: 1 to 4", run.Stderr);
    }

    [Theory]
    [InlineData("--format", "json")]
    [InlineData("--format", "shell")]
    [InlineData("--caps", "drive")]
    [InlineData("--caps-file", "examples/emulator-caps.txt")]
    [InlineData("--host-settings", "examples/host-settings.json")]
    [InlineData("--migrate-from", "stdio")]
    public void Qemu_only_option_with_a_xen_format_is_a_usage_error(string option, string value)
    {
        var run = CliProcess.Run("to-native", "xen-xm", option, value, PvExample);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains($"{option} applies only to qemu-argv, not to xen-xm.", run.Stderr);
    }

    [Fact]
    public void Xend_config_version_with_qemu_argv_is_a_usage_error()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--xend-config-version", "4", "examples/headless-qemu.xml");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--xend-config-version applies only to the Xen formats (xen-sxpr, xen-xm), not to qemu-argv.", run.Stderr);
    }

    [Fact]
    public void Help_shows_the_xen_formats_and_the_default_version()
    {
        var run = CliProcess.Run("to-native", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("qemu-argv, xen-sxpr, xen-xm", run.Stdout);
        Assert.Contains("--xend-config-version", run.Stdout);
        Assert.Contains("[default: 4]", run.Stdout);
        Assert.Contains("domainlauncher to-native xen-sxpr examples/xen-pv.xml", run.Stdout);
    }
}
