using System.Text.Json;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

public sealed class ToNativeCommandTests : IDisposable
{
    private const string Example = "examples/headless-qemu.xml";

    // A plain QEMU guest every capability set can run: no KVM, one IDE disk, nothing else.
    private const string PlainDomain = """
        <domain type='qemu'>
          <name>plain</name>
          <memory>262144</memory>
          <vcpu>1</vcpu>
          <os><type arch='i686' machine='pc'>hvm</type></os>
          <devices>
            <emulator>/usr/bin/qemu</emulator>
            <disk type='file' device='disk'>
              <source file='/images/my disk.img'/>
              <target dev='hda' bus='ide'/>
            </disk>
          </devices>
        </domain>
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Shell_format_is_the_default_and_prints_one_line_environment_first()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", Example);

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.StdoutLines);
        Assert.StartsWith("LC_ALL=C ", line);
        Assert.Contains(" /usr/bin/qemu-system-x86_64 -name build-runner -S -M pc -enable-kvm -m 512 ", line);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Shell_format_single_quotes_a_word_with_a_blank()
    {
        var file = _temp.Write("plain.xml", PlainDomain);

        var run = CliProcess.Run("to-native", "qemu-argv", "--caps", "drive", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(" -drive 'file=/images/my disk.img,if=ide,bus=0,unit=0' ", run.Stdout);
    }

    [Fact]
    public void Lines_format_puts_each_option_and_its_value_on_a_line_ending_in_a_backslash()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--format", "lines", Example);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.StdoutLines;
        Assert.Contains("/usr/bin/qemu-system-x86_64 \\", lines);
        Assert.Contains("-name build-runner \\", lines);
        Assert.Contains("-m 512 \\", lines);
        Assert.All(lines[..^1], l => Assert.EndsWith(" \\", l));
        Assert.False(lines[^1].EndsWith('\\'), lines[^1]);
    }

    [Fact]
    public void Lines_and_shell_formats_hold_the_same_words()
    {
        var shell = CliProcess.Run("to-native", "qemu-argv", Example);
        var lines = CliProcess.Run("to-native", "qemu-argv", "--format", "lines", Example);

        Assert.Equal(shell.Stdout.Trim(), lines.Stdout.Replace(" \\\n", " ", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void Json_format_has_environment_emulator_and_args()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--format", "json", Example);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(["environment", "emulator", "args"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("C", root.GetProperty("environment").GetProperty("LC_ALL").GetString());
        Assert.Equal("/usr/bin/qemu-system-x86_64", root.GetProperty("emulator").GetString());
        var args = root.GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(["-name", "build-runner", "-S"], args.Take(3));
    }

    [Fact]
    public void Capabilities_given_choose_the_syntax()
    {
        var file = _temp.Write("plain.xml", PlainDomain);

        var legacy = CliProcess.Run("to-native", "qemu-argv", "--caps", "drive", file);
        var modern = CliProcess.Run("to-native", "qemu-argv", "--caps", "drive, device ,netdev,chardev", file);

        Assert.True(legacy.ExitCode == 0, legacy.ToString());
        Assert.True(modern.ExitCode == 0, modern.ToString());
        Assert.Contains(" -monitor unix:", legacy.Stdout);
        Assert.Contains(" -chardev socket,id=charmonitor,", modern.Stdout);
        Assert.Contains(" -device ide-drive,", modern.Stdout);
    }

    [Fact]
    public void Unknown_capability_name_is_a_usage_error_suggesting_the_close_name()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--caps", "drive,devise", Example);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("--caps: error DL4000: 'devise' is not a QEMU capability name; did you mean 'device'?", run.Stderr);
    }

    [Fact]
    public void Caps_file_reads_names_per_line_and_comma_separated_with_comments()
    {
        var caps = _temp.Write("caps.txt", "# an old emulator\ndrive, device  # block and devices\n\nnetdev,chardev\n");
        var file = _temp.Write("plain.xml", PlainDomain);

        var fromFile = CliProcess.Run("to-native", "qemu-argv", "--caps-file", caps, file);
        var fromOption = CliProcess.Run("to-native", "qemu-argv", "--caps", "drive,device,netdev,chardev", file);

        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.Equal(fromOption.Stdout, fromFile.Stdout);
    }

    [Fact]
    public void Unknown_name_in_a_caps_file_is_refused_at_its_line_and_column()
    {
        var caps = _temp.Write("caps.txt", "drive\ndevice, netdevv\n");

        var run = CliProcess.Run("to-native", "qemu-argv", "--caps-file", caps, Example);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains($"{caps}:2:9: error DL4000: 'netdevv' is not a QEMU capability name; did you mean 'netdev'?", run.Stderr);
    }

    [Fact]
    public void Missing_caps_file_is_refused()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--caps-file", _temp.Path + "/absent.txt", Example);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error DL1001", run.Stderr);
    }

    [Fact]
    public void Host_settings_file_sets_the_environment_and_the_monitor()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--host-settings", "examples/host-settings.json", Example);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("LC_ALL=C PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/var/lib/domainlauncher /usr/bin/qemu-system-x86_64 ", run.Stdout);
        Assert.Contains("path=/run/domainlauncher/monitor.sock,server,nowait", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Host_settings_with_a_wrong_type_are_refused_with_a_diagnostic()
    {
        var settings = _temp.Write("host.json", """{"vnc": {"tls": "yes"}}""");

        var run = CliProcess.Run("to-native", "qemu-argv", "--host-settings", settings, Example);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains($"{settings}", run.Stderr);
        Assert.Contains("error DL4001", run.Stderr);
    }

    [Fact]
    public void Migrate_from_adds_incoming()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--migrate-from", "tcp:0.0.0.0:4444", Example);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(" -incoming tcp:0.0.0.0:4444", run.Stdout);
    }

    [Fact]
    public void A_domain_the_emulator_cannot_run_is_refused_with_the_builders_diagnostic()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--caps", "drive", Example);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Matches(@"^examples/headless-qemu\.xml:\d+:\d+: error DL4050: ", run.Stderr);
    }

    [Fact]
    public void Invalid_domain_is_refused_with_its_diagnostics()
    {
        var file = _temp.Write("bad.xml", PlainDomain.Replace("<vcpu>1</vcpu>", "<vcpu>0</vcpu>", StringComparison.Ordinal));

        var run = CliProcess.Run("to-native", "qemu-argv", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.StartsWith($"{file}:4:4: error DL3001: ", run.Stderr);
    }

    [Fact]
    public void Domain_without_emulator_host_capabilities_or_a_qemu_on_path_is_refused()
    {
        var file = _temp.Write("plain.xml", PlainDomain.Replace("<emulator>/usr/bin/qemu</emulator>", "", StringComparison.Ordinal));
        var emptyPath = Directory.CreateDirectory(Path.Combine(_temp.Path, "no-qemu-here")).FullName;

        // An i686 guest: the host's preferred x86_64 binary is not taken for another architecture.
        var run = CliProcess.RunWithEnvironment(new Dictionary<string, string?> { ["PATH"] = emptyPath }, "to-native", "qemu-argv", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{file}: error DL1100: ", run.Stderr);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Domain_without_emulator_runs_on_the_qemu_this_host_has_for_its_architecture()
    {
        var file = _temp.Write("plain.xml", PlainDomain.Replace("<emulator>/usr/bin/qemu</emulator>", "", StringComparison.Ordinal)
            .Replace("arch='i686'", "arch='x86_64'", StringComparison.Ordinal));
        var bin = Directory.CreateDirectory(Path.Combine(_temp.Path, "bin")).FullName;
        var qemu = _temp.Write("bin/qemu-system-x86_64", "#!/bin/sh\nexit 1\n");
        File.SetUnixFileMode(qemu, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var run = CliProcess.RunWithEnvironment(new Dictionary<string, string?> { ["PATH"] = bin }, "to-native", "qemu-argv", "--format", "json", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal(qemu, json.RootElement.GetProperty("emulator").GetString());
    }

    [Fact]
    public void A_xen_domain_is_refused_as_a_xen_domain_by_qemu_argv_and_check()
    {
        var xen = Path.Combine(Repository.Examples, "xen-pv.xml");

        foreach (var args in new[] { new[] { "to-native", "qemu-argv", xen }, ["check", xen] })
        {
            var run = CliProcess.Run(args);

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Equal("", run.Stdout);
            Assert.Contains("error DL6510: domain type 'xen': it is a Xen domain", run.Stderr);
            Assert.DoesNotContain("DL1100", run.Stderr);
            Assert.DoesNotContain("scratch image", run.Stderr);
        }
    }

    [Fact]
    public void Vnc_with_an_automatic_port_gets_the_first_display()
    {
        var file = _temp.Write("vnc.xml", PlainDomain.Replace("</devices>",
            "<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/></devices>", StringComparison.Ordinal));

        var run = CliProcess.Run("to-native", "qemu-argv", "--caps", "vnc-colon", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(" -vnc 127.0.0.1:0", run.Stdout);
    }

    /// <summary>libvirt reads a missing port as an automatic one, as it reads autoport='yes' and port='-1'; virsh fixes all three at the first display.</summary>
    [Theory]
    [InlineData("autoport='yes'")]
    [InlineData("port='-1'")]
    [InlineData("")]
    public void Vnc_whose_port_is_chosen_at_start_gets_the_first_display_in_every_spelling(string port)
    {
        var file = _temp.Write("vnc.xml", PlainDomain.Replace("</devices>",
            $"<graphics type='vnc' {port} listen='127.0.0.1'/></devices>", StringComparison.Ordinal));

        var run = CliProcess.Run("to-native", "qemu-argv", "--format", "json", "--caps", "vnc-colon", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        string[] args = [.. json.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)];
        var vnc = Array.IndexOf(args, "-vnc");
        Assert.True(vnc >= 0 && vnc + 1 < args.Length, run.ToString());
        Assert.Equal("127.0.0.1:0", args[vnc + 1]);
    }

    [Theory]
    [InlineData("qemu")]
    [InlineData("xen")]
    [InlineData("lxc")]
    public void Unknown_native_format_is_a_usage_error_listing_the_known_ones(string format)
    {
        var run = CliProcess.Run("to-native", format, Example);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains($"'{format}' is not a known native format; known: qemu-argv, xen-sxpr, xen-xm, xen-xl.", run.Stderr);
    }

    [Fact]
    public void Unknown_output_format_is_a_usage_error()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--format", "yaml", Example);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("'yaml'", run.Stderr);
    }

    [Fact]
    public void Missing_domain_argument_is_a_usage_error()
    {
        var run = CliProcess.Run("to-native", "qemu-argv");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("domainlauncher to-native --help", run.Stderr);
    }

    [Fact]
    public void Help_names_the_default_capabilities()
    {
        var run = CliProcess.Run("to-native", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("QEMU 1.2", run.Stdout);
        Assert.Contains("drive,", run.Stdout);
        Assert.Contains("domainlauncher to-native qemu-argv examples/headless-qemu.xml", run.Stdout);
    }
}
