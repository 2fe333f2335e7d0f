using System.Globalization;
using System.Text.Json;
using DomainLauncher.Cli.Tests.Support;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Profiles;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// <c>domainlauncher probe</c> as a user runs it, and <c>to-native --emulator-profile</c>. Runs of the
/// installed QEMU pass <c>--no-cache</c> so no test writes to the user's cache folder.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProbeCommandTests : IDisposable
{
    private const string Qemu = "/usr/bin/qemu-system-x86_64";
    private static readonly TimeSpan BadInputLimit = TimeSpan.FromSeconds(15);

    /// <summary>For the real QEMU: a loaded CI machine may be slow to start it; the bound is for binaries that hang.</summary>
    private const string Patient = "60";
    private static readonly string Profile = Path.Combine(Repository.Root, "profiles", "qemu-7.2-x86_64.json");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [QemuInstalledFact]
    public void Probe_prints_version_arch_machines_and_the_capability_names()
    {
        var run = CliProcess.Run("probe", "--no-cache", "--probe-timeout", Patient);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"emulator:        {Qemu}", run.Stdout);
        Assert.Matches(@"version:\s+7\.2\.\d+", run.Stdout);
        Assert.Contains("arch:            x86_64", run.Stdout);
        Assert.Matches(@"default machine: pc-i440fx-7\.2 \(alias pc, default\)", run.Stdout);
        Assert.Contains("pc-q35-7.2 (alias q35)", run.Stdout);
        Assert.Matches(@"cpu models:\s+\d{2,}", run.Stdout);
        Assert.Contains("modern capabilities (39): accel, audiodev, blockdev, device.json, overcommit, explicit-booleans, floppy, memory-backend-ram, device-geometry, guestfwd-chardev, wwn-integer, machine-graphics, chardev-serial, tls-creds-x509, query-cpu-model-expansion, action, rng-builtin, tpm-emulator, netdev-stream, netdev-vhost-user, netdev-vhost-vdpa, netdev-bridge-helper, egl-headless, video-max-outputs, chardev-spiceport, chardev-qemu-vdagent, chardev-file-append, chardev-reconnect, chardev-logfile, pcie-root-port, pcie-pci-bridge, virtio-pci-options, acpi-index, splash-timeout, piix4.acpi-root-pci-hotplug, numa.hmat, pr-manager-helper, boot-strict, compat-deprecated", run.Stdout);
        Assert.Contains("-no-kvm (kvm)", run.Stdout);
        Assert.Contains("-realtime mlock= (mlock)", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [QemuInstalledFact]
    public void Probe_json_prints_the_profile_document()
    {
        var run = CliProcess.Run("probe", "--no-cache", "--probe-timeout", Patient, "--json", "--emulator", Qemu);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        Assert.Equal(EmulatorProfile.FormatName, root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(Qemu, root.GetProperty("binary").GetProperty("path").GetString());
        Assert.StartsWith("7.2.", root.GetProperty("probe").GetProperty("version").GetString());
        Assert.True(root.GetProperty("probe").GetProperty("helpOptions").TryGetProperty("no-reboot", out _));
    }

    [QemuInstalledFact]
    public void A_recorded_profile_replays_in_probe_and_to_native()
    {
        var file = Path.Combine(_temp.Path, "qemu.json");

        var record = CliProcess.Run("probe", "--no-cache", "--probe-timeout", Patient, "--record", file);
        var shown = CliProcess.Run("probe", "--emulator-profile", file);
        var argv = CliProcess.Run("to-native", "qemu-argv", "--accel", "tcg", "--emulator-profile", file, "examples/headless-qemu.xml");

        Assert.True(record.ExitCode == 0, record.ToString());
        Assert.True(EmulatorProfileFile.Read(file).Profile is not null);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Equal(record.Stdout.Split('\n').Skip(2), shown.Stdout.Split('\n').Skip(2)); // all but the "probed" time
        Assert.True(argv.ExitCode == 0, argv.ToString());
        Assert.Contains(" -M pc-i440fx-7.2 ", argv.Stdout);
    }

    [QemuInstalledFact]
    public void A_bare_emulator_name_is_found_on_path()
    {
        var run = CliProcess.Run("probe", "--no-cache", "--probe-timeout", Patient, "--emulator", "qemu-system-x86_64");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"emulator:\s+/\S+/qemu-system-x86_64\n", run.Stdout);
    }

    [Fact]
    public void The_shipped_profile_is_shown_without_any_binary()
    {
        var run = CliProcess.Run("probe", "--emulator-profile", Profile);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"version:\s+7\.2\.\d+", run.Stdout);
        Assert.Contains("package:         Debian 1:7.2+dfsg", run.Stdout);
    }

    public static TheoryData<string> BadBinaries => ["/bin/true", "/bin/sleep", "missing", "directory", "not-executable"];

    [Theory]
    [MemberData(nameof(BadBinaries))]
    public void A_binary_that_is_not_qemu_fails_in_one_line_quickly_and_leaves_no_process(string which)
    {
        var path = which switch
        {
            "missing" => Path.Combine(_temp.Path, "no-such-qemu"),
            "directory" => _temp.Path,
            "not-executable" => _temp.Write("qemu-system-x86_64", "#!/bin/sh\nexit 0\n"),
            _ => which,
        };

        var run = CliProcess.Run("probe", "--no-cache", "--emulator", path);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^.+: error DL600\d: ", line);
        Assert.Contains(path, line);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.True(run.WallTime < BadInputLimit, $"took {run.WallTime}");
        Assert.Empty(ProbeProcessesOf(path));
    }

    [Fact]
    public void A_binary_that_hangs_fails_within_the_bound_and_its_children_are_killed()
    {
        var pidFile = Path.Combine(_temp.Path, "child.pid");
        var script = _temp.Write("hanging-qemu", $"#!/bin/sh\nsleep 300 &\necho $! > '{pidFile}'\nwait\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var run = CliProcess.Run("probe", "--no-cache", "--probe-timeout", "5", "--emulator", script);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("DL6003", run.Stderr);
        Assert.Contains("within 5 s", run.Stderr);
        Assert.True(run.WallTime < BadInputLimit, $"took {run.WallTime}");
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        for (var i = 0; i < 50 && Running(child); i++) Thread.Sleep(20);
        Assert.False(Running(child), $"the emulator's child {child} is still running");
        Assert.Empty(ProbeProcessesOf(script));
    }

    [Fact]
    public void A_probe_timeout_that_is_not_positive_is_a_usage_error()
    {
        var run = CliProcess.Run("probe", "--probe-timeout", "0");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--probe-timeout must be more than 0", run.Stderr);
    }

    [Fact]
    public void Emulator_and_emulator_profile_together_are_a_usage_error()
    {
        var both = CliProcess.Run("probe", "--emulator", Qemu, "--emulator-profile", Profile);
        var noCache = CliProcess.Run("probe", "--no-cache", "--emulator-profile", Profile);

        Assert.True(both.ExitCode == 2, both.ToString());
        Assert.Contains("exclusive", both.Stderr);
        Assert.True(noCache.ExitCode == 2, noCache.ToString());
    }

    [Fact]
    public void A_broken_profile_is_refused_with_a_located_error()
    {
        var file = _temp.Write("broken.json", "{\n  \"format\": \"domainlauncher-emulator-profile\",\n  \"version\": 1,\n  \"binary\": [\n");

        var probe = CliProcess.Run("probe", "--emulator-profile", file);
        var toNative = CliProcess.Run("to-native", "qemu-argv", "--accel", "tcg", "--emulator-profile", file, "examples/headless-qemu.xml");

        foreach (var run in new[] { probe, toNative })
        {
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.StartsWith($"{file}:", run.Stderr);
            Assert.Contains("error DL6011", run.Stderr);
        }
    }

    [Fact]
    public void To_native_refuses_a_domain_of_an_architecture_the_profiles_emulator_does_not_run()
    {
        const string domain = """
            <domain type='qemu'>
              <name>arm</name><memory>262144</memory>
              <os><type arch='aarch64' machine='virt'>hvm</type></os>
            </domain>
            """;

        var run = CliProcess.RunWithInput(Repository.Root, domain, "to-native", "qemu-argv", "--emulator-profile", Profile, "-");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("-:3:4: error DL1105: domain/os: the domain's architecture is 'aarch64', and the emulator '/usr/bin/qemu-system-x86_64' runs x86_64 guests", run.Stderr);
    }

    [Fact]
    public void To_native_refuses_an_emulator_profile_with_caps()
    {
        var run = CliProcess.Run("to-native", "qemu-argv", "--emulator-profile", Profile, "--caps", "drive", "examples/headless-qemu.xml");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--emulator-profile gives the capabilities; it cannot be combined with --caps", run.Stderr);
    }

    /// <summary>
    /// The CLI half of "a profile builds exactly as --caps": the same words, except that the profile
    /// knows the machine types, so the domain's <c>pc</c> is written as the versioned machine it stands
    /// for, where --caps alone passes the name through. (The library test compares with the machine list.)
    /// </summary>
    [Theory]
    [InlineData("examples/headless-qemu.xml")]
    [InlineData("examples/minimal-qemu.xml")]
    public void To_native_with_the_profile_equals_to_native_with_its_capability_names_up_to_the_machine_alias(string example)
    {
        var profile = EmulatorProfileFile.Read(Profile).Profile!;
        var description = profile.Describe();

        var fromProfile = Args(CliProcess.Run("to-native", "qemu-argv", "--format", "json", "--accel", "tcg", "--emulator-profile", Profile, example));
        var fromCaps = Args(CliProcess.Run("to-native", "qemu-argv", "--format", "json", "--accel", "tcg", "--caps", description.Capabilities.ToString(), example));

        var machine = fromCaps.IndexOf("-M") + 1;
        Assert.True(machine > 0);
        fromCaps[machine] = description.CanonicalMachine(fromCaps[machine]);
        Assert.Equal(fromCaps, fromProfile);
    }

    [Fact]
    public void Probe_help_shows_the_options_and_examples()
    {
        var run = CliProcess.Run("probe", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var option in new[] { "--emulator", "--emulator-profile", "--json", "--no-cache", "--record", "--probe-timeout", "Examples:", "DL_CACHE_DIR" })
            Assert.Contains(option, run.Stdout);
    }

    private static List<string> Args(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        return [.. json.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)];
    }

    /// <summary>Processes started as a probe of <paramref name="binary"/>: its path first, our private QMP folder in the arguments.</summary>
    private static List<int> ProbeProcessesOf(string binary)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var words = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                if (words.Length > 1 && words[0] == binary && words.Any(w => w.Contains("dl-probe-", StringComparison.Ordinal)) && Running(pid))
                    found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    private static bool Running(int pid)
    {
        try
        {
            var state = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal));
            return state is not null && !state.Contains('Z');
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
