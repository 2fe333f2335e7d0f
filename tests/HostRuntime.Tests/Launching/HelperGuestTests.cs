using System.Globalization;
using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// Guests whose devices need helper processes (issue 14): swtpm for an emulated TPM, virtiofsd for a virtiofs
/// share. Each helper is started before QEMU, listed by status, and gone whatever way the guest ends (shutdown,
/// destroy, QEMU killed, a failed launch); the TPM's state and the UEFI variables are kept for the next launch.
/// Every test has a private run base and state base; the class fails if any process still names its run base.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
// One collection with ExampleCheckTests: tests that start real swtpm and virtiofsd processes run one at a time (a
// virtiofsd was seen to exit while another class's helpers were started and stopped beside it).
[Collection(HelperProcessTests.Name)]
public sealed class HelperGuestTests : GuestTestBase
{
    private static readonly DateTime Marked = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    [QemuBinaryFact]
    public void The_examples_include_a_guest_with_a_TPM_and_one_with_a_virtiofs_share()
    {
        Assert.NotEmpty(ExampleGuests.WithTpm());
        Assert.NotEmpty(ExampleGuests.WithVirtiofs());
    }

    [SwtpmTheory]
    [MemberData(nameof(ExampleGuests.WithTpm), MemberType = typeof(ExampleGuests))]
    public async Task A_TPM_guest_runs_with_its_swtpm_and_finds_its_TPM_state_and_UEFI_variables_kept_at_the_next_launch(string example)
    {
        var domain = await Guests.LoadAsync(example);
        var tpmFolder = StateBases.TpmStateFolder(StateBase.FullName, domain.Name);
        var vars = Path.Combine(StateBases.NvramFolder(StateBase.FullName), domain.Name + "_VARS.fd");
        var efi = domain.Os?.Firmware == OsFirmware.Efi && domain.Os.Nvram is null;
        Assert.False(Directory.Exists(tpmFolder));
        Assert.False(File.Exists(vars));

        var first = await LaunchAsync(domain);
        Assert.Equal("running", first.State);
        var swtpm = await AssertHelperStartedBeforeQemuAsync(domain.Name, first.Pid, "swtpm");
        Assert.Equal("paused", (await Control(GuestControl.SuspendAsync(RunBase.FullName, domain.Name, Timeout))).State);
        Assert.Equal("running", (await Control(GuestControl.ResumeAsync(RunBase.FullName, domain.Name, Timeout))).State);
        // No guest OS answers the power button: shutdown quits QEMU after the wait, and swtpm goes with it.
        var shutdown = await Control(GuestControl.ShutdownAsync(RunBase.FullName, domain.Name, TimeSpan.FromSeconds(1), Timeout));
        Assert.Contains(shutdown.State, (string[])["shutdown", "quit"]);
        AssertGone(first, swtpm);

        // What the first run made is kept: swtpm_setup's TPM and the store copied from the firmware's template.
        var permanent = Assert.Single(Directory.GetFiles(tpmFolder, "*.permall"));
        var tpmBytes = await File.ReadAllBytesAsync(permanent);
        File.SetLastWriteTimeUtc(permanent, Marked);
        byte[]? varsBytes = null;
        if (efi)
        {
            varsBytes = await File.ReadAllBytesAsync(vars);
            File.SetLastWriteTimeUtc(vars, Marked);
        }

        // Paused, the firmware has not run: whatever differs now was done by the launcher.
        var second = await LaunchAsync(domain, paused: true);
        try
        {
            var again = await AssertHelperStartedBeforeQemuAsync(domain.Name, second.Pid, "swtpm");
            Assert.NotEqual(swtpm.Pid, again.Pid);
            Assert.Equal(tpmBytes, await File.ReadAllBytesAsync(permanent));
            Assert.Equal(Marked, File.GetLastWriteTimeUtc(permanent));
            if (efi)
            {
                Assert.Equal(varsBytes, await File.ReadAllBytesAsync(vars));
                Assert.Equal(Marked, File.GetLastWriteTimeUtc(vars));
            }
            Assert.Equal("running", (await Control(GuestControl.ResumeAsync(RunBase.FullName, domain.Name, Timeout))).State);
            Assert.Equal("destroyed", (await Control(GuestControl.DestroyAsync(RunBase.FullName, domain.Name, Timeout))).State);
            AssertGone(second, again);
        }
        finally
        {
            await EmulatorLiveness.KillAsync(second.Pid, Timeout);
        }
    }

    [VirtiofsdTheory]
    [MemberData(nameof(ExampleGuests.WithVirtiofs), MemberType = typeof(ExampleGuests))]
    public async Task A_virtiofs_guest_runs_with_its_virtiofsd_twice(string example)
    {
        var domain = await Guests.LoadAsync(example);
        foreach (var end in (string[])["destroy", "shutdown"])
        {
            var guest = await LaunchAsync(domain);
            var virtiofsd = await AssertHelperStartedBeforeQemuAsync(domain.Name, guest.Pid, "virtiofsd");
            Assert.Equal("paused", (await Control(GuestControl.SuspendAsync(RunBase.FullName, domain.Name, Timeout))).State);
            Assert.Equal("running", (await Control(GuestControl.ResumeAsync(RunBase.FullName, domain.Name, Timeout))).State);
            var ended = end == "destroy"
                ? await Control(GuestControl.DestroyAsync(RunBase.FullName, domain.Name, Timeout))
                : await Control(GuestControl.ShutdownAsync(RunBase.FullName, domain.Name, TimeSpan.FromSeconds(1), Timeout));
            Assert.NotEqual("running", ended.State);
            AssertGone(guest, virtiofsd);
        }
    }

    [SwtpmFact]
    public async Task After_QEMU_is_killed_status_and_list_report_the_TPM_guest_dead_and_no_swtpm_is_left()
    {
        var domain = await Guests.LoadAsync(ExampleGuests.NamesNeeding(ExampleGuests.HelperNeed.Swtpm).First());
        var guest = await LaunchAsync(domain);
        var swtpm = await AssertHelperStartedBeforeQemuAsync(domain.Name, guest.Pid, "swtpm");

        Assert.True(await EmulatorLiveness.KillAsync(guest.Pid, Timeout)); // SIGKILL: QEMU cleans nothing up

        var status = await GuestControl.StatusAsync(RunBase.FullName, domain.Name, Timeout);
        Assert.Equal(RuntimeDiagnostics.NotRunning, Assert.Single(status.Diagnostics).Code);
        Assert.Contains("emulator is gone", status.Diagnostics[0].Message);
        Assert.Empty(await GuestControl.ListAsync(RunBase.FullName, Timeout));
        AssertGone(guest, swtpm);
    }

    [VirtiofsdFact]
    public async Task After_QEMU_is_killed_list_reports_the_virtiofs_guest_dead_once_and_no_virtiofsd_is_left()
    {
        var domain = await Guests.LoadAsync(ExampleGuests.NamesNeeding(ExampleGuests.HelperNeed.Virtiofsd).First());
        var guest = await LaunchAsync(domain);
        var virtiofsd = await AssertHelperStartedBeforeQemuAsync(domain.Name, guest.Pid, "virtiofsd");

        Assert.True(await EmulatorLiveness.KillAsync(guest.Pid, Timeout));

        var listed = Assert.Single(await GuestControl.ListAsync(RunBase.FullName, Timeout));
        Assert.Equal((domain.Name, null, "dead"), (listed.Name, listed.Pid, listed.State));
        Assert.Empty(await GuestControl.ListAsync(RunBase.FullName, Timeout));
        AssertGone(guest, virtiofsd);
    }

    [SwtpmFact]
    public async Task A_launch_that_QEMU_fails_stops_the_swtpm_it_started()
    {
        var domain = await Guests.LoadAsync(ExampleGuests.NamesNeeding(ExampleGuests.HelperNeed.Swtpm).First());
        foreach (var disk in domain.Devices.Disks)
            if (disk.Source is FileDiskSource { File: { } image }) File.Delete(image);

        var outcome = await GuestLauncher.LaunchAsync(await Request(domain), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(RuntimeDiagnostics.StartFailed, Assert.Single(outcome.Diagnostics, d => d.IsError).Code);
        Assert.Empty(GuestLaunchFailureTests.PidsOf(RunBase.FullName));
        Assert.Empty(Directory.GetDirectories(RunBase.FullName));
    }

    [SwtpmFact]
    public async Task A_foreground_TPM_guest_stopped_on_request_leaves_no_swtpm()
    {
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource<LaunchedGuest>();
        var request = await Request(ExampleGuests.NamesNeeding(ExampleGuests.HelperNeed.Swtpm).First()) with { PowerDownTimeout = TimeSpan.FromSeconds(1) };

        var run = GuestLauncher.RunForegroundAsync(request, g => started.SetResult(g), stop.Token);
        var guest = await started.Task.WaitAsync(Timeout);
        var swtpm = await AssertHelperStartedBeforeQemuAsync(guest.Name, guest.Pid, "swtpm");
        stop.Cancel();
        var outcome = await run.WaitAsync(Timeout);

        Assert.True(outcome.Started);
        AssertGone(guest, swtpm);
    }

    [QemuBinaryFact]
    public async Task A_helper_that_cannot_start_fails_the_launch_before_QEMU_with_its_reason()
    {
        var request = await Request(ExampleGuests.NamesNeeding(ExampleGuests.HelperNeed.Swtpm).First()) with
        {
            Helpers = HelperPrograms.OfThisHost() with { Swtpm = null },
        };

        var outcome = await GuestLauncher.LaunchAsync(request, CancellationToken.None);

        var error = Assert.Single(outcome.Diagnostics, d => d.IsError);
        Assert.Equal(HelperDiagnostics.HelperMissing, error.Code);
        Assert.Contains("swtpm is not installed", error.Message);
        Assert.True(error.Location.Line > 0); // at the <tpm> element
        Assert.Empty(GuestLaunchFailureTests.PidsOf(RunBase.FullName));
        Assert.Empty(Directory.GetDirectories(RunBase.FullName));
    }

    private async Task<LaunchedGuest> LaunchAsync(Domain domain, bool paused = false)
    {
        var launch = await GuestLauncher.LaunchAsync(await Request(domain) with { Paused = paused }, CancellationToken.None);
        Assert.True(launch.Succeeded, string.Join("\n", launch.Diagnostics));
        return launch.Guest!;
    }

    /// <summary>status lists the helper with a live pid, and /proc says it started no later than QEMU.</summary>
    private async Task<RunningHelper> AssertHelperStartedBeforeQemuAsync(string name, int qemuPid, string kind)
    {
        var status = await Control(GuestControl.StatusAsync(RunBase.FullName, name, Timeout));
        var helper = Assert.Single(status.Helpers, h => h.Kind == kind);
        Assert.True(EmulatorLiveness.IsAlive(helper.Pid));
        Assert.True(StartTicks(helper.Pid) <= StartTicks(qemuPid), $"{kind} (pid {helper.Pid}) started after QEMU (pid {qemuPid})");
        return helper;
    }

    /// <summary>QEMU and the helper are dead, the run directory is gone, and no process names the run base.</summary>
    private void AssertGone(LaunchedGuest guest, RunningHelper helper)
    {
        Assert.False(EmulatorLiveness.IsAlive(guest.Pid));
        Assert.False(EmulatorLiveness.IsAlive(helper.Pid), $"{helper.Kind} (pid {helper.Pid}) outlived its guest");
        Assert.False(Directory.Exists(guest.RunDirectory));
        Assert.Empty(GuestLaunchFailureTests.PidsOf(RunBase.FullName));
    }

    /// <summary>When the process started, in clock ticks since boot: field 22 of /proc/PID/stat.</summary>
    private static ulong StartTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return ulong.Parse(fields[19], CultureInfo.InvariantCulture); // fields after the name start at field 3
    }
}
