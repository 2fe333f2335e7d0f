using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// <c>--toolstack xend|libxl</c> on <c>to-native</c> and <c>from-native</c>: <c>xen-xm</c> is xend's xm
/// file (libvirt 0.10.2) unless libxl's (libvirt 9.0) is asked for; the pairs that have no file are
/// usage errors. Runs the built tool as a process.
/// </summary>
public sealed class XenToolstackCommandTests : IDisposable
{
    private const string PvExample = "examples/xen-pv.xml";

    private const string HvmDomain = XenToNativeCommandTests.HvmDomain;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Xen_xm_for_libxl_is_libvirt_9s_xm_file_and_xend_stays_the_default()
    {
        var domain = _temp.Write("hvm.xml", HvmDomain);

        var byDefault = CliProcess.Run("to-native", "xen-xm", domain);
        var xend = CliProcess.Run("to-native", "xen-xm", "--toolstack", "xend", domain);
        var libxl = CliProcess.Run("to-native", "xen-xm", "--toolstack", "libxl", domain);

        foreach (var run in new[] { byDefault, xend, libxl }) Assert.True(run.ExitCode == 0 && run.Stderr == "", run.ToString());
        Assert.Equal(byDefault.Stdout, xend.Stdout);
        // xend: device_model, every switch (hap = 0), the boot settings right after the vCPUs.
        Assert.Contains("device_model = \"/usr/lib/xen/bin/qemu-dm\"", byDefault.StdoutLines);
        Assert.Contains("hap = 0", byDefault.StdoutLines);
        Assert.Equal("builder = \"hvm\"", byDefault.StdoutLines[5]);
        // libxl: device_model_override, hap only when off, the boot settings after the devices every guest shares.
        Assert.Contains("device_model_override = \"/usr/lib/xen/bin/qemu-dm\"", libxl.StdoutLines);
        Assert.DoesNotContain("hap = 0", libxl.StdoutLines);
        Assert.DoesNotContain(libxl.StdoutLines, l => l.StartsWith("device_model =", StringComparison.Ordinal));
        Assert.True(Array.IndexOf(libxl.StdoutLines, "builder = \"hvm\"") > Array.IndexOf(libxl.StdoutLines, "on_crash = \"destroy\""), libxl.Stdout);
    }

    [Fact]
    public void An_xm_file_of_libxl_reads_with_libxl_and_round_trips_while_xend_refuses_its_settings()
    {
        var written = CliProcess.Run("to-native", "xen-xm", "--toolstack", "libxl", _temp.Write("hvm.xml", HvmDomain));
        Assert.True(written.ExitCode == 0, written.ToString());
        var config = _temp.Write("hvm.cfg", written.Stdout);

        var asXend = CliProcess.Run("from-native", "xen-xm", config);
        Assert.True(asXend.ExitCode == 1, asXend.ToString());
        Assert.Contains("error DL5051: device_model_override: 'device_model_override' is a setting of libxl's config files", asXend.Stderr);
        Assert.Contains("--toolstack libxl", asXend.Stderr);

        var read = CliProcess.Run("from-native", "xen-xm", "--toolstack", "libxl", config);
        Assert.True(read.ExitCode == 0 && read.Stderr == "", read.ToString());
        // libxl's reader fills what libvirt 9's libxl driver fills: the xenbus controller, a keyboard, the video card, the balloon.
        Assert.Contains("<controller type='xenbus' index='0'/>", read.Stdout);
        Assert.Contains("<input type='keyboard' bus='ps2'/>", read.Stdout);
        Assert.Contains("<memballoon model='xen'/>", read.Stdout);

        var again = CliProcess.Run("to-native", "xen-xm", "--toolstack", "libxl", _temp.Write("read.xml", read.Stdout));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(written.Stdout, again.Stdout);
    }

    [Fact]
    public void Json_lines_carry_the_libxl_xm_file()
    {
        var run = CliProcess.Run("to-native", "xen-xm", "--toolstack", "libxl", "--json", PvExample);

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.StdoutLines);
        Assert.Contains("\"ok\":true", line);
        Assert.Contains("bootloader = \\\"/usr/bin/pygrub\\\"", line);
    }

    [Theory]
    [InlineData("to-native", "xen-xl", "--toolstack", "xend", "--toolstack xend has no xen-xl: an xl file is libxl's")]
    [InlineData("to-native", "xen-sxpr", "--toolstack", "libxl", "--toolstack libxl has no xen-sxpr")]
    [InlineData("from-native", "xen-xl", "--toolstack", "xend", "--toolstack xend has no xen-xl")]
    [InlineData("to-native", "qemu-argv", "--toolstack", "libxl", "--toolstack applies only to the Xen formats (xen-sxpr, xen-xm, xen-xl), not to qemu-argv.")]
    [InlineData("to-native", "xen-xm", "--toolstack", "xl", "Argument 'xl' not recognized")]
    public void A_toolstack_without_files_in_the_format_is_a_usage_error(string command, string format, string option, string value, string message)
    {
        var run = CliProcess.Run(command, format, option, value, command == "to-native" ? PvExample : "examples/xen-hvm.cfg");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains(message, run.Stderr);
    }

    [Theory]
    [InlineData("to-native", PvExample)]
    [InlineData("from-native", "examples/xen-hvm.cfg")]
    public void A_xend_config_version_for_libxl_is_a_usage_error(string command, string file)
    {
        var run = CliProcess.Run(command, "xen-xm", "--toolstack", "libxl", "--xend-config-version", "3", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--xend-config-version applies only to xend's files (xen-sxpr, xen-xm), not to xen-xm for libxl", run.Stderr);
    }

    [Theory]
    [InlineData("to-native")]
    [InlineData("from-native")]
    public void Help_teaches_the_toolstacks(string command)
    {
        var run = CliProcess.Run(command, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--toolstack <xend|libxl>", run.Stdout);
        Assert.Contains("libvirt 9.0's libxl driver", run.Stdout);
        Assert.Contains("xen-xm --toolstack libxl", run.Stdout);
    }
}
