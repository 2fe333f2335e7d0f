using System.Diagnostics;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Tests.Probing;

/// <summary>Probes the installed QEMU once for the whole class (about a tenth of a second under TCG).</summary>
public sealed class ProbedQemuFixture : IAsyncLifetime
{
    public ProbeOutcome? Outcome { get; private set; }

    public async Task InitializeAsync()
    {
        if (File.Exists(QemuBinaryFactAttribute.Path))
            Outcome = await EmulatorProbe.ProbeAsync(QemuBinaryFactAttribute.Path, TimeSpan.FromSeconds(30), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public ProbeResult Result =>
        Outcome?.Result ?? throw new InvalidOperationException("probe failed: " + string.Join("; ", Outcome?.Diagnostics.Select(d => d.Message) ?? []));
}

public sealed class EmulatorProbeTests(ProbedQemuFixture qemu) : IClassFixture<ProbedQemuFixture>
{
    [QemuBinaryFact]
    public void Probe_succeeds_and_leaves_no_process_behind()
    {
        Assert.True(qemu.Outcome!.Succeeded, string.Join("; ", qemu.Outcome.Diagnostics.Select(d => d.Message)));
        Assert.Empty(qemu.Outcome.Diagnostics);
        Assert.NotNull(qemu.Outcome.ProcessId);
        Assert.False(ProcessExists(qemu.Outcome.ProcessId!.Value));
    }

    [QemuBinaryFact]
    public void Probe_reports_version_7_2_and_the_x86_64_target()
    {
        Assert.Equal(7, qemu.Result.Version.Major);
        Assert.Equal(2, qemu.Result.Version.Minor);
        Assert.Equal("x86_64", qemu.Result.Arch);
    }

    [QemuBinaryFact]
    public void Probe_lists_commands_options_devices_and_objects()
    {
        var result = qemu.Result;
        Assert.True(result.HasCommand("device_add"));
        Assert.True(result.HasCommand("query-machines"));
        Assert.True(result.HasOption("drive"));
        Assert.True(result.HasOptionParameter("drive", "format"));
        Assert.True(result.HasDevice("virtio-blk-pci"));
        Assert.True(result.HasDevice("e1000"));
        Assert.True(result.HasObject("rng-random"));
        Assert.True(result.HasDeviceProperty("virtio-blk-pci", "bootindex"));
        Assert.Contains("tcg", result.Accelerators);
    }

    [QemuBinaryFact]
    public void Probe_resolves_the_pc_alias_to_a_versioned_i440fx_machine()
    {
        var pc = qemu.Result.FindMachine("pc");

        Assert.NotNull(pc);
        Assert.StartsWith("pc-i440fx-7.2", pc.Name);
        Assert.Equal("pc", pc.Alias);
        Assert.Same(pc, qemu.Result.DefaultMachine);
    }

    [QemuBinaryFact]
    public void Probe_lists_cpu_models_including_qemu64()
    {
        Assert.Contains("qemu64", qemu.Result.CpuModels);
        Assert.Contains("Nehalem", qemu.Result.CpuModels);
    }

    [QemuBinaryFact]
    public void Probed_emulator_has_the_basic_capabilities()
    {
        var description = ProbeCapabilityRules.Describe(qemu.Result);

        foreach (var name in new[] { "drive", "device", "netdev", "chardev", "name", "monitor-json", "drive-format",
                     "boot-index", "virtio-blk-pci.event_idx", "virtio-net-pci.event_idx", "ide-cd", "scsi-cd", "pci-multifunction" })
        {
            Assert.True(QemuCapabilityNames.TryParse(name, out var capability));
            Assert.True(description.Has(capability), $"{name} should be set; got {description.Capabilities}");
        }
        Assert.False(description.Has(QemuCapability.Kqemu));
        Assert.False(description.Has(QemuCapability.DriveBoot));
    }

    [QemuBinaryFact]
    public void Probed_emulator_description_resolves_pc_and_names_it_default()
    {
        var description = ProbeCapabilityRules.Describe(qemu.Result);

        Assert.StartsWith("pc-i440fx-7.2", description.CanonicalMachine("pc"));
        Assert.Equal("pc", description.DefaultMachineName);
        Assert.True(description.SupportsCpuModel("qemu64"));
        Assert.Equal(new QemuVersion(7, 2, qemu.Result.Version.Micro), description.Version);
    }

    [QemuBinaryFact]
    public void Removed_legacy_options_are_reported_absent_and_the_modern_ones_present()
    {
        var set = ProbeCapabilityRules.Capabilities(qemu.Result);

        foreach (var absent in new[] { "kvm", "nodefconfig", "pci-device", "drive-boot", "mlock", "sdl", "kqemu", "balloon", "no-kvm-pit", "tdf", "drive-serial" })
            Assert.False(set.Has(Capability(absent)), $"{absent} should be absent on QEMU 7.2; got {set}");
        foreach (var present in new[] { "device", "netdev", "chardev", "drive", "enable-kvm", "no-user-config", "uuid", "vga", "no-shutdown",
                     "accel", "audiodev", "blockdev", "device.json", "overcommit", "explicit-booleans" })
            Assert.True(set.Has(Capability(present)), $"{present} should be present on QEMU 7.2; got {set}");
        // The help text lists -xen-domid in every build; a build without Xen refuses it.
        Assert.Equal(qemu.Result.Accelerators.Contains("xen"), set.Has(QemuCapability.XenDomid));
    }

    [QemuBinaryFact]
    public void Probe_records_the_help_options_and_the_schema()
    {
        Assert.True(qemu.Result.HasHelpOption("no-reboot"));
        Assert.True(qemu.Result.HasHelpSynopsis("netdev", "bridge"));
        Assert.True(qemu.Result.HasCommandFeature("device_add", "json-cli"));
        Assert.True(qemu.Result.HasEvent("BALLOON_CHANGE"));
    }

    private static QemuCapability Capability(string name) =>
        QemuCapabilityNames.TryParse(name, out var capability) ? capability : throw new ArgumentException(name);

    internal static bool ProcessExists(int pid)
    {
        // A zombie still has a /proc entry; it is gone for our purposes when its state is Z.
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status)) return false;
        try
        {
            var state = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal));
            return state is not null && !state.Contains('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EmulatorProbeFailureTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dl-probe-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<(ProbeOutcome Outcome, TimeSpan Took)> Probe(string path)
    {
        var clock = Stopwatch.StartNew();
        var outcome = await EmulatorProbe.ProbeAsync(path, Timeout, CancellationToken.None);
        return (outcome, clock.Elapsed);
    }

    private static void AssertFailed(ProbeOutcome outcome, TimeSpan took, string code, string messagePart)
    {
        Assert.Null(outcome.Result);
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal(code, diagnostic.Code.Id);
        Assert.Contains(messagePart, diagnostic.Message);
        Assert.True(took < Bound, $"took {took}");
        if (outcome.ProcessId is { } pid) Assert.False(EmulatorProbeTests.ProcessExists(pid), $"process {pid} is still running");
    }

    private string Script(string name, string body)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [UnixFact]
    public async Task A_missing_binary_is_reported_as_not_found()
    {
        var (outcome, took) = await Probe(Path.Combine(_folder.FullName, "no-such-qemu"));

        AssertFailed(outcome, took, "DL6000", "does not exist");
        Assert.Null(outcome.ProcessId);
    }

    [UnixFact]
    public async Task A_directory_is_reported_as_not_startable()
    {
        var (outcome, took) = await Probe(_folder.FullName);

        AssertFailed(outcome, took, "DL6001", "is a directory");
    }

    [UnixFact]
    public async Task A_file_without_execute_permission_is_reported_as_not_startable()
    {
        var path = Path.Combine(_folder.FullName, "not-executable");
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (outcome, took) = await Probe(path);

        AssertFailed(outcome, took, "DL6001", "could not be started");
    }

    [UnixFact]
    public async Task A_binary_that_exits_at_once_is_reported_with_its_exit_code()
    {
        var (outcome, took) = await Probe("/bin/true");

        AssertFailed(outcome, took, "DL6002", "exited with code 0");
        Assert.NotNull(outcome.ProcessId);
    }

    [UnixFact]
    public async Task A_binary_that_rejects_the_arguments_is_reported_with_what_it_printed()
    {
        var (outcome, took) = await Probe("/bin/sleep");

        AssertFailed(outcome, took, "DL6002", "sleep");
    }

    [UnixFact]
    public async Task A_binary_that_never_answers_times_out_and_is_killed_with_its_children()
    {
        var childPidFile = Path.Combine(_folder.FullName, "child.pid");
        var path = Script("silent-qemu", $"sleep 100 &\necho $! > '{childPidFile}'\nwait");

        var (outcome, took) = await Probe(path);

        AssertFailed(outcome, took, "DL6003", "did not answer");
        Assert.True(took >= Timeout - TimeSpan.FromMilliseconds(100), $"gave up after {took}");
        var child = int.Parse(File.ReadAllText(childPidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await WaitGone(child);
        Assert.False(EmulatorProbeTests.ProcessExists(child), $"child {child} is still running");
    }

    [UnixFact]
    public async Task A_binary_that_is_cancelled_is_reported_as_cancelled_and_killed()
    {
        var path = Script("slow-qemu", "exec sleep 100");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var outcome = await EmulatorProbe.ProbeAsync(path, TimeSpan.FromSeconds(30), cancel.Token);

        AssertFailed(outcome, TimeSpan.Zero, "DL6006", "cancelled");
    }

    private static async Task WaitGone(int pid)
    {
        // The kill is sent before ProbeAsync returns; the kernel may reap the orphan a moment later.
        for (var i = 0; i < 50 && EmulatorProbeTests.ProcessExists(pid); i++) await Task.Delay(20);
    }
}
