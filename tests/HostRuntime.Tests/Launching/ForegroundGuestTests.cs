using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.HostRuntime.Tests.Probing;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>A guest run as our child: a stop request powers it down, then quits it; other commands reach it meanwhile.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ForegroundGuestTests : GuestTestBase
{
    [QemuBinaryFact]
    public async Task A_stop_request_powers_down_then_quits_a_guest_that_ignores_the_button()
    {
        // SeaBIOS with an empty disk has no ACPI handler: the power button is ignored, so quit follows the timeout.
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource<LaunchedGuest>();
        var request = await Request("virtio-qcow2") with { PowerDownTimeout = TimeSpan.FromSeconds(1) };

        var run = GuestLauncher.RunForegroundAsync(request, g => started.SetResult(g), stop.Token);
        var guest = await started.Task.WaitAsync(Timeout);
        Assert.Equal("running", guest.State);
        var status = await GuestControl.StatusAsync(RunBase.FullName, guest.Name, Timeout);
        Assert.Equal("running", status.Guest?.State); // the launcher let go of the monitor
        stop.Cancel();
        var outcome = await run.WaitAsync(Timeout);

        Assert.Equal(ForegroundEnd.Quit, outcome.End);
        Assert.Equal(0, outcome.ExitCode);
        Assert.False(EmulatorLiveness.IsAlive(guest.Pid));
        Assert.False(Directory.Exists(guest.RunDirectory));
    }

    [QemuBinaryFact]
    public async Task A_foreground_guest_destroyed_by_another_command_ends_the_run_with_QEMU_s_status()
    {
        var started = new TaskCompletionSource<LaunchedGuest>();
        var request = await Request("serial-file");

        var run = GuestLauncher.RunForegroundAsync(request, g => started.SetResult(g), CancellationToken.None);
        var guest = await started.Task.WaitAsync(Timeout);
        var destroyed = await GuestControl.DestroyAsync(RunBase.FullName, guest.Name, Timeout);
        var outcome = await run.WaitAsync(Timeout);

        Assert.True(destroyed.Succeeded, string.Join("\n", destroyed.Diagnostics));
        Assert.Equal(ForegroundEnd.Exited, outcome.End);
        Assert.Equal(0, outcome.ExitCode);
        Assert.False(EmulatorLiveness.IsAlive(guest.Pid));
        Assert.False(Directory.Exists(guest.RunDirectory));
    }

    [QemuBinaryFact]
    public async Task A_foreground_start_failure_reports_QEMU_s_words_and_leaves_nothing()
    {
        var request = await Request("ide-raw-cdrom");
        File.Delete(Path.Combine(Guests.HostFolder, "installer.iso"));

        var outcome = await GuestLauncher.RunForegroundAsync(request, _ => Assert.Fail("it started"), CancellationToken.None);

        Assert.Equal(ForegroundEnd.NotStarted, outcome.End);
        var error = Assert.Single(outcome.Diagnostics, d => d.IsError);
        Assert.Equal(RuntimeDiagnostics.StartFailed, error.Code);
        Assert.Contains("installer.iso", error.Message);
        Assert.Empty(Directory.GetDirectories(RunBase.FullName));
        Assert.Equal(0, GuestLaunchFailureTests.EmulatorsOf(RunBase.FullName));
    }

}
