using System.Text.Json;
using CliWrap;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

/// <summary><c>domainlauncher check</c> run as a user runs it, against the installed QEMU.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Until the modern emitters land, the probed capabilities make the builder emit -no-kvm and
    /// -realtime, which QEMU 7.2 no longer has: this stand-in emulator drops them and runs the real
    /// QEMU in its place (exec, so the pid is QEMU's). Remove it once the builder emits modern options.
    /// </summary>
    private async Task<string> ImageAsync(string name, string format)
    {
        var path = Path.Combine(_dir.Path, name);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await CliWrap.Cli.Wrap("/usr/bin/qemu-img").WithArguments(["create", "-q", "-f", format, path, "8M"])
            .WithValidation(CommandResultValidation.None).ExecuteAsync(limit.Token);
        Assert.Equal(0, result.ExitCode);
        return path;
    }

    private string Domain(string name, string devices) => _dir.Write(name + ".xml", $"""
        <domain type='qemu'>
          <name>{name}</name>
          <memory unit='KiB'>131072</memory>
          <vcpu>1</vcpu>
          <os><type arch='x86_64' machine='pc'>hvm</type></os>
          <devices>
            <emulator>{QemuInstalledFactAttribute.Qemu}</emulator>
            {devices}
          </devices>
        </domain>
        """);

    private async Task<string> DevicesAsync() => $"""
        <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{await ImageAsync("vda.qcow2", "qcow2")}'/><target dev='vda' bus='virtio'/></disk>
        <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='{await ImageAsync("hda.img", "raw")}'/><target dev='hda' bus='ide'/></disk>
        <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>
        <interface type='user'><mac address='52:54:00:12:34:01'/><model type='virtio'/></interface>
        <interface type='user'><mac address='52:54:00:12:34:02'/><model type='e1000'/></interface>
        <serial type='unix'><source mode='bind' path='{Path.Combine(_dir.Path, "serial.sock")}'/><target port='0'/></serial>
        <console type='unix'><source mode='bind' path='{Path.Combine(_dir.Path, "serial.sock")}'/><target type='serial' port='0'/></console>
        <input type='tablet' bus='usb'/>
        <sound model='ich6'/>
        <watchdog model='i6300esb'/>
        <memballoon model='virtio'/>
        """;

    /// <summary>Emulator processes whose command line mentions this test's folder: none may outlive a check.</summary>
    private List<int> EmulatorsUsingTheTestFolder() =>
        [.. Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1)
            .Where(pid => pid > 0 && CommandLineOf(pid).Contains(_dir.Path, StringComparison.Ordinal) && CommandLineOf(pid).Contains("-qmp", StringComparison.Ordinal))];

    private static string CommandLineOf(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    [QemuInstalledFact]
    public async Task A_domain_whose_devices_all_exist_exits_0_with_a_table_of_found_devices()
    {
        var domain = Domain("cli-check", await DevicesAsync());

        var run = CliProcess.Run("check", "--as-is", "--no-cache", domain);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("domain cli-check on ", run.Stdout);
        Assert.Contains("substitutions: none", run.Stdout);
        Assert.Matches(@"\ninterface +interface user 52:54:00:12:34:02 \(e1000\) +e1000 id=net1 pci=00:0\d.0 mac=52:54:00:12:34:02 +found ", run.Stdout);
        Assert.DoesNotContain("MISSING", run.Stdout);
        Assert.Matches(@"\n\d+ found, 0 missing \(start ", run.Stdout);
        Assert.Empty(EmulatorsUsingTheTestFolder());
    }

    [QemuInstalledFact]
    public async Task The_table_fits_the_width_columns_gives_and_is_unlimited_in_a_pipe()
    {
        var domain = Domain("cli-check-width", await DevicesAsync());

        var piped = CliProcess.RunWithEnvironment(new Dictionary<string, string?> { ["COLUMNS"] = null }, "check", "--as-is", "--no-cache", domain);
        var narrow = CliProcess.RunWithEnvironment(new Dictionary<string, string?> { ["COLUMNS"] = "80" }, "check", "--as-is", "--no-cache", domain);

        Assert.True(piped.ExitCode == 0, piped.ToString());
        Assert.True(narrow.ExitCode == 0, narrow.ToString());
        Assert.Contains(piped.StdoutLines, line => line.Length > 80);
        Assert.All(narrow.StdoutLines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        // Wrapped, nothing dropped: the table holds the same characters, only on more lines.
        string Characters(Support.CliRun run) => new([.. run.StdoutLines.TakeWhile(l => !l.Contains(" found, ", StringComparison.Ordinal))
            .SelectMany(l => l.Where(c => c != ' ')).Order()]);
        Assert.Equal(Characters(piped), Characters(narrow));
        Assert.Empty(EmulatorsUsingTheTestFolder());
    }

    [QemuInstalledFact]
    public async Task Json_output_has_every_device_found_and_parses()
    {
        var domain = Domain("cli-check-json", await DevicesAsync());

        var run = CliProcess.Run("check", "--json", "--as-is", "--no-cache", domain);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("allFound").GetBoolean());
        Assert.Equal(0, root.GetProperty("missing").GetInt32());
        var kinds = root.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "disk", "cdrom", "interface", "serial", "console", "input", "sound", "watchdog", "memballoon", "controller" }, kinds);
    }

    [QemuInstalledFact]
    public void As_is_a_missing_disk_image_exits_1_with_QEMU_s_own_words_and_leaves_no_emulator()
    {
        var missing = Path.Combine(_dir.Path, "absent.qcow2");
        var domain = Domain("cli-check-absent",
            $"<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{missing}'/><target dev='vda' bus='virtio'/></disk>");

        var run = CliProcess.Run("check", "--as-is", "--no-cache", domain);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Matches(@"error DL6002: .*it said: .*qemu-system-x86_64: .*absent\.qcow2", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Empty(EmulatorsUsingTheTestFolder());
    }

    [QemuInstalledFact]
    public void A_missing_disk_image_and_a_host_bridge_are_substituted_listed_and_every_device_found()
    {
        var missing = Path.Combine(_dir.Path, "absent.qcow2");
        var domain = Domain("cli-check-stand-in",
            $"<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='{missing}'/><target dev='vda' bus='virtio'/></disk>" +
            "<interface type='bridge'><mac address='52:54:00:12:34:09'/><source bridge='br-nowhere'/><model type='virtio'/></interface>");

        var run = CliProcess.Run("check", "--no-cache", domain);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"disk vda: file {missing} -> scratch qcow2 image ", run.Stdout);
        Assert.Contains("interface 52:54:00:12:34:09: bridge 'br-nowhere' -> user networking", run.Stdout);
        Assert.DoesNotContain("MISSING", run.Stdout);
        Assert.False(File.Exists(missing));
        Assert.Empty(EmulatorsUsingTheTestFolder());
    }

    [QemuInstalledFact]
    public void A_host_PCI_device_is_refused_before_launch_naming_it()
    {
        var domain = Domain("cli-check-hostdev",
            "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source></hostdev>");

        var run = CliProcess.Run("check", "--no-cache", domain);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error DL4300: ", run.Stderr);
        Assert.Contains("0000:06:12.5", run.Stderr);
        Assert.Empty(EmulatorsUsingTheTestFolder());
    }

    [QemuInstalledFact]
    public void An_emulator_path_that_does_not_exist_exits_1_naming_it()
    {
        var domain = Domain("cli-check-no-binary", "");
        var absent = Path.Combine(_dir.Path, "no-such-qemu");

        var run = CliProcess.Run("check", "--emulator", absent, domain);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"error DL6000: '{absent}' does not exist", run.Stderr);
    }

    [QemuInstalledFact]
    public void A_domain_without_an_emulator_runs_on_the_default_QEMU()
    {
        var domain = _dir.Write("bare.xml", """
            <domain type='qemu'><name>bare</name><memory>131072</memory>
              <os><type arch='x86_64'>hvm</type></os><devices/></domain>
            """);

        var run = CliProcess.Run("check", "--no-cache", domain);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"domain bare on {QemuInstalledFactAttribute.Qemu}", run.Stdout);
    }

    [Fact]
    public void A_timeout_out_of_range_is_a_usage_error()
    {
        var run = CliProcess.Run("check", "--timeout", "0", "guest.xml");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--timeout takes 1 to 600 seconds", run.Stderr);
    }

    [Fact]
    public void A_document_that_does_not_parse_exits_1_with_its_diagnostics()
    {
        var domain = _dir.Write("broken.xml", "<domain type='qemu'><name>x</name>");

        var run = CliProcess.Run("check", "--no-cache", domain);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error DL1005", run.Stderr);
    }
}
