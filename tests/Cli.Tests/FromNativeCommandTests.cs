using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

public sealed class FromNativeCommandTests : IDisposable
{
    private const string Example = "examples/xen-hvm.cfg";

    private const string PvConfig = """
        name = "tiny"
        uuid = "4dea22b3-1d52-d8f3-2516-782e98ab3fa0"
        maxmem = 256
        memory = 256
        vcpus = 1
        bootloader = "/usr/bin/pygrub"
        localtime = 0
        on_poweroff = "destroy"
        on_reboot = "restart"
        on_crash = "restart"
        disk = [ "phy:/dev/vg0/tiny,xvda,w" ]
        vif = [ "mac=00:16:3e:00:00:01,bridge=xenbr0,script=vif-bridge" ]

        """;

    private const string Capabilities = """
        <capabilities>
          <host><cpu><arch>i686</arch></cpu></host>
          <guest>
            <os_type>xen</os_type>
            <arch name='i686'>
              <machine>xenpv</machine>
              <domain type='xen'/>
            </arch>
          </guest>
        </capabilities>
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Bundled_example_prints_its_domain_xml()
    {
        var run = CliProcess.Run("from-native", "xen-xm", Example);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("<domain type='xen'>", run.StdoutLines[0]);
        Assert.Equal("</domain>", run.StdoutLines[^1]);
        Assert.Contains("  <name>web-frontend</name>", run.StdoutLines);
        Assert.Contains("    <type arch='x86_64' machine='xenfv'>hvm</type>", run.StdoutLines);
        Assert.Contains("      <source dev='/dev/vg0/web-frontend'/>", run.StdoutLines);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Printed_xml_is_valid_and_goes_back_to_the_same_config()
    {
        var config = _temp.Write("tiny.cfg", PvConfig);
        var xml = CliProcess.Run("from-native", "xen-xm", config);
        Assert.True(xml.ExitCode == 0, xml.ToString());
        var domain = _temp.Write("tiny.xml", xml.Stdout);

        var validate = CliProcess.Run("validate", domain);
        var back = CliProcess.Run("to-native", "xen-xm", domain);

        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Equal(PvConfig, back.Stdout);
    }

    [Fact]
    public void Host_capabilities_give_the_default_architecture_and_machine()
    {
        var config = _temp.Write("tiny.cfg", PvConfig);
        var capabilities = _temp.Write("caps.xml", Capabilities);

        var withCaps = CliProcess.Run("from-native", "xen-xm", "--host-capabilities", capabilities, config);
        var without = CliProcess.Run("from-native", "xen-xm", config);

        Assert.True(withCaps.ExitCode == 0, withCaps.ToString());
        Assert.Contains("    <type arch='i686' machine='xenpv'>linux</type>", withCaps.StdoutLines);
        Assert.Contains("    <type arch='x86_64' machine='xenpv'>linux</type>", without.StdoutLines);
    }

    [Fact]
    public void Host_without_a_guest_of_the_configs_kind_is_refused()
    {
        var config = _temp.Write("hvm.cfg", File.ReadAllText(Path.Combine(Repository.Root, Example)));
        var capabilities = _temp.Write("caps.xml", Capabilities);

        var run = CliProcess.Run("from-native", "xen-xm", "--host-capabilities", capabilities, config);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error DL5056: ", run.Stderr);
        Assert.Contains("os type 'hvm'", run.Stderr);
    }

    [Fact]
    public void Xend_config_version_changes_how_the_config_is_read()
    {
        var config = _temp.Write("hvm.cfg", File.ReadAllText(Path.Combine(Repository.Root, Example)));

        var one = CliProcess.Run("from-native", "xen-xm", "--xend-config-version", "1", config);
        var four = CliProcess.Run("from-native", "xen-xm", config);

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(four.ExitCode == 0, four.ToString());
        Assert.NotEqual(one.Stdout, four.Stdout);
        Assert.Contains("  <clock offset='variable' adjustment='0' basis='utc'/>", four.StdoutLines);
    }

    [Theory]
    [InlineData("name = \"a\"\nimport os\nmemory = 256\n", 2, 8, "DL5050", "Python statements are not run")]
    [InlineData("name = \"a\"\nmemory = 256 * 2\n", 2, 14, "DL5050", "expressions are not evaluated")]
    [InlineData("name = \"a\"\nmemory = __import__(\"os\").system(\"true\")\n", 2, 10, "DL5050", "")]
    [InlineData("name = \"a\"\nmemory = 256\ndisk = [ \"phy:/dev/x,xvda,w\"\nvcpus = 1\n", 4, 1, "DL5050", "expected ',' or ']' in the list of 'disk'")]
    [InlineData("name = \"a\"\nmemory = 256\ndisk = [ \"phy:/dev/x,xvda,w\"\n", 3, 8, "DL5050", "unbalanced '['")]
    [InlineData("name = \"a\"\nmemory = 256 ]\n", 2, 14, "DL5050", "")]
    [InlineData("name = \"a\"\nmemory = 256\nmemroy = 5\n", 3, 1, "DL5051", "did you mean 'memory'?")]
    [InlineData("name = \"a\"\nmemory = \"lots\"\n", 2, 10, "DL5053", "'memory' must be a whole number")]
    [InlineData("name = \"a\"\nmemory = 256\nvcpus = [ 1 ]\n", 3, 9, "DL5052", "'vcpus' must be an integer, not a list")]
    [InlineData("name = [ \"a\" ]\nmemory = 256\n", 1, 8, "DL5052", "")]
    public void Bad_config_is_refused_at_its_line_and_column_with_a_code(string text, int line, int column, string code, string message)
    {
        var config = _temp.Write("bad.cfg", text);

        var run = CliProcess.Run("from-native", "xen-xm", config);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var located = Assert.Single(lines, l => l.StartsWith($"{config}:{line}:{column}: error {code}: ", StringComparison.Ordinal));
        Assert.Contains(message, located);
        Assert.All(lines, l => Assert.Matches(@"^.+:\d+:\d+: (error|warning) DL\d{4}: ", l));
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
    }

    [Fact]
    public void Every_bad_line_is_reported_not_only_the_first()
    {
        var config = _temp.Write("bad.cfg", "name = \"a\"\nimport os\nmemory = 256\nprint(1)\nvcpus = 1 + 1\n");

        var run = CliProcess.Run("from-native", "xen-xm", config);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal([2, 4, 5], run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => int.Parse(l[(config.Length + 1)..].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Missing_file_is_refused_with_a_clear_message()
    {
        var run = CliProcess.Run("from-native", "xen-xm", Path.Combine(_temp.Path, "absent.cfg"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Equal($"{Path.Combine(_temp.Path, "absent.cfg")}: error DL1001: no such file\n", run.Stderr);
    }

    [Fact]
    public void Directory_is_refused_with_a_clear_message()
    {
        var run = CliProcess.Run("from-native", "xen-xm", _temp.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"{_temp.Path}: error DL1002: is a directory, not a file\n", run.Stderr);
    }

    [Fact]
    public void Binary_file_is_refused_as_not_utf8()
    {
        var config = _temp.Write("bad.cfg", [0x6e, 0x61, 0xff, 0xfe, 0x00]);

        var run = CliProcess.Run("from-native", "xen-xm", config);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error DL1008: the file is not UTF-8 text", run.Stderr);
    }

    [Fact]
    public void Empty_file_is_refused_for_lacking_a_name()
    {
        var config = _temp.Write("empty.cfg", "");

        var run = CliProcess.Run("from-native", "xen-xm", config);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error DL5054: ", run.Stderr);
    }

    [Fact]
    public void An_xl_config_reads_to_domain_xml_and_writes_back_as_the_same_xl_config()
    {
        const string xl = """
            name = "tiny"
            uuid = "4dea22b3-1d52-d8f3-2516-782e98ab3fa0"
            maxmem = 256
            memory = 256
            vcpus = 1
            localtime = 0
            on_poweroff = "destroy"
            on_reboot = "restart"
            on_crash = "restart"
            type = "pvh"
            kernel = "/boot/vmlinuz"
            cmdline = "root=/dev/xvda1"
            disk = [ "format=qcow2,vdev=xvda,access=rw,backendtype=qdisk,target=/var/lib/xen/tiny.qcow2" ]

            """;
        var config = _temp.Write("tiny.cfg", xl);

        var read = CliProcess.Run("from-native", "xen-xl", config);
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Contains("<type arch='x86_64' machine='xenpvh'>xenpvh</type>", read.Stdout);
        var written = CliProcess.Run("to-native", "xen-xl", _temp.Write("tiny.xml", read.Stdout));
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Equal(xl, written.Stdout);
    }

    [Fact]
    public void A_xend_config_version_with_xen_xl_is_a_usage_error()
    {
        var run = CliProcess.Run("from-native", "xen-xl", "--xend-config-version", "2", Example);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--xend-config-version applies only to xend's files (xen-sxpr, xen-xm), not to xen-xl for libxl", run.Stderr);
    }

    [Theory]
    [InlineData("xen-sxpr")]
    [InlineData("qemu-argv")]
    public void Other_native_format_is_a_usage_error(string format)
    {
        var run = CliProcess.Run("from-native", format, Example);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"'{format}' is not a native format this command reads; known: xen-xm, xen-xl.", run.Stderr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("x")]
    public void Xend_config_version_outside_1_to_4_is_a_usage_error(string version)
    {
        var run = CliProcess.Run("from-native", "xen-xm", "--xend-config-version", version, Example);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("domainlauncher from-native --help", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
    }

    [Fact]
    public void Help_has_examples_with_the_bundled_config()
    {
        var run = CliProcess.Run("from-native", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Examples:", run.Stdout);
        Assert.Contains("domainlauncher from-native xen-xm examples/xen-hvm.cfg", run.Stdout);
        Assert.Contains("--host-capabilities", run.Stdout);
        Assert.True(File.Exists(Path.Combine(Repository.Root, Example)));
    }
}
