using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.HostRuntime.Tests.Probing;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>Every bundled example through the whole lifecycle on the installed QEMU, each in its own run base.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GuestLifecycleTests : GuestTestBase
{
    [QemuBinaryFact]
    public void There_are_at_least_ten_launchable_examples() => Assert.True(ExampleGuests.Names.Count() >= 10);

    [QemuBinaryTheory]
    [MemberData(nameof(ExampleGuests.All), MemberType = typeof(ExampleGuests))]
    public async Task An_example_runs_pauses_resumes_and_is_destroyed_without_a_trace(string example)
    {
        var domain = await Guests.LoadAsync(example);
        var launch = await GuestLauncher.LaunchAsync(await Request(domain), CancellationToken.None);
        Assert.True(launch.Succeeded, string.Join("\n", launch.Diagnostics));
        var guest = launch.Guest!;
        try
        {
            Assert.Equal("running", guest.State);
            Assert.True(EmulatorLiveness.IsAlive(guest.Pid));
            Assert.True(File.Exists(Path.Combine(guest.RunDirectory, "domain.xml")));
            Assert.Equal(guest.Pid, int.Parse(File.ReadAllText(Path.Combine(guest.RunDirectory, "qemu.pid")).Trim()));

            Assert.Equal("running", (await Control(GuestControl.StatusAsync(RunBase.FullName, domain.Name, Timeout))).State);
            Assert.Equal("paused", (await Control(GuestControl.SuspendAsync(RunBase.FullName, domain.Name, Timeout))).State);
            Assert.Equal("paused", (await Control(GuestControl.StatusAsync(RunBase.FullName, domain.Name, Timeout))).State);
            Assert.Equal("running", (await Control(GuestControl.ResumeAsync(RunBase.FullName, domain.Name, Timeout))).State);
            var listed = Assert.Single(await GuestControl.ListAsync(RunBase.FullName, Timeout));
            Assert.Equal((domain.Name, guest.Pid, "running"), (listed.Name, listed.Pid!.Value, listed.State));

            Assert.Equal("destroyed", (await Control(GuestControl.DestroyAsync(RunBase.FullName, domain.Name, Timeout))).State);
            Assert.False(EmulatorLiveness.IsAlive(guest.Pid));
            Assert.False(Directory.Exists(guest.RunDirectory));
            Assert.Empty(await GuestControl.ListAsync(RunBase.FullName, Timeout));
        }
        finally
        {
            await EmulatorLiveness.KillAsync(guest.Pid, Timeout);
        }
    }

    [QemuBinaryTheory]
    [InlineData(false, "running")]
    [InlineData(true, "prelaunch")]
    public async Task QEMU_runs_the_guest_itself_unless_it_is_to_stay_paused(bool paused, string state)
    {
        var domain = await Guests.LoadAsync(ExampleGuests.Names.First());
        var launch = await GuestLauncher.LaunchAsync(await Request(domain) with { Paused = paused }, CancellationToken.None);
        Assert.True(launch.Succeeded, string.Join("\n", launch.Diagnostics));
        var guest = launch.Guest!;
        try
        {
            Assert.Equal(state, guest.State);
            var arguments = File.ReadAllText($"/proc/{guest.Pid}/cmdline").Split('\0');
            Assert.Equal(paused, arguments.Contains("-S"));
            // What QEMU itself says, asked only now.
            Assert.Equal(state, (await Control(GuestControl.StatusAsync(RunBase.FullName, domain.Name, Timeout))).State);
        }
        finally
        {
            await GuestControl.DestroyAsync(RunBase.FullName, domain.Name, Timeout);
            await EmulatorLiveness.KillAsync(guest.Pid, Timeout);
        }
    }

    [QemuBinaryFact]
    public async Task Resuming_a_running_guest_and_suspending_a_paused_one_are_errors_as_in_virsh()
    {
        var domain = await Guests.LoadAsync(ExampleGuests.Names.First());
        var launch = await GuestLauncher.LaunchAsync(await Request(domain), CancellationToken.None);
        Assert.True(launch.Succeeded, string.Join("\n", launch.Diagnostics));
        var guest = launch.Guest!;
        try
        {
            var resumeRunning = await GuestControl.ResumeAsync(RunBase.FullName, domain.Name, Timeout);
            Assert.Equal("DL6059", Assert.Single(resumeRunning.Diagnostics).Code.Id);
            Assert.Contains("already running", resumeRunning.Diagnostics[0].Message);

            Assert.Equal("paused", (await Control(GuestControl.SuspendAsync(RunBase.FullName, domain.Name, Timeout))).State);
            var suspendPaused = await GuestControl.SuspendAsync(RunBase.FullName, domain.Name, Timeout);
            Assert.Equal("DL6059", Assert.Single(suspendPaused.Diagnostics).Code.Id);
            Assert.Equal("paused", (await Control(GuestControl.StatusAsync(RunBase.FullName, domain.Name, Timeout))).State);
        }
        finally
        {
            await GuestControl.DestroyAsync(RunBase.FullName, domain.Name, Timeout);
            await EmulatorLiveness.KillAsync(guest.Pid, Timeout);
        }
    }
}
