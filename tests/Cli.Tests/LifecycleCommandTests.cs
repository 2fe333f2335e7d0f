using System.Text.Json;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Tests;

/// <summary>launch, list, status, suspend, resume, shutdown and destroy as a user runs them.</summary>
public sealed class LifecycleCommandTests : IDisposable
{
    private readonly LifecycleSupport _support = new();

    public void Dispose() => _support.Dispose();

    [QemuInstalledFact]
    public async Task A_launched_guest_is_listed_paused_resumed_and_shut_down_through_the_commands()
    {
        var launch = _support.LaunchProcess(await _support.ExampleAsync("serial-unix"));
        Assert.True(launch.ExitCode == 0, launch.ToString());
        var started = launch.Stdout.Split('\n')[0];
        Assert.Matches(@"^example-serial-unix: running \(pid \d+, QMP socket .*/example-serial-unix/qmp\.sock\)$", started);
        Assert.Contains("PTY: /dev/pts/", launch.Stdout); // the second serial port
        var pid = int.Parse(started.Split("pid ")[1].Split(',')[0]);

        var list = _support.Run("list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"NAME\s+PID\s+STATE\n" + $@"example-serial-unix\s+{pid}\s+running\n", list.Stdout);

        var status = _support.Run("status", "--json", "example-serial-unix");
        Assert.True(status.ExitCode == 0, status.ToString());
        using (var json = JsonDocument.Parse(status.Stdout))
        {
            Assert.Equal("running", json.RootElement.GetProperty("state").GetString());
            Assert.Equal(pid, json.RootElement.GetProperty("pid").GetInt32());
            Assert.EndsWith("qmp.sock", json.RootElement.GetProperty("qmpSocket").GetString());
        }

        Assert.StartsWith("example-serial-unix: paused", _support.Run("suspend", "example-serial-unix").Stdout);
        Assert.StartsWith("example-serial-unix: paused", _support.Run("status", "example-serial-unix").Stdout);
        Assert.StartsWith("example-serial-unix: running", _support.Run("resume", "example-serial-unix").Stdout);

        // SeaBIOS ignores the power button: after the timeout QEMU is told to quit.
        var shutdown = _support.Run("shutdown", "--timeout", "1", "example-serial-unix");
        Assert.True(shutdown.ExitCode == 0, shutdown.ToString());
        Assert.StartsWith("example-serial-unix: quit", shutdown.Stdout);
        Assert.False(EmulatorLiveness.IsAlive(pid));
        Assert.False(Directory.Exists(Path.Combine(_support.RunBase, "example-serial-unix")));
        Assert.Equal("NAME  PID  STATE\n", _support.Run("list").Stdout);
    }

    [QemuInstalledFact]
    public async Task Launch_with_verbose_says_when_each_step_ended()
    {
        var launch = _support.LaunchProcess(await _support.ExampleAsync("sound"), "--verbose");
        Assert.True(launch.ExitCode == 0, launch.ToString());
        Assert.StartsWith("example-sound: running", launch.Stdout);

        string[] steps = ["domain read", "described", "command line built", "QEMU set the guest up and ran its vCPUs", "guest reported"];
        var found = steps.Select(step => launch.Stderr.IndexOf(step, StringComparison.Ordinal)).ToList();
        Assert.True(found.All(at => at >= 0), launch.Stderr);
        Assert.Equal(found.Order(), found);
        Assert.Matches(@"guest reported: \d+\.\d ms after the process started \(\+\d+\.\d ms\)", launch.Stderr);
        Assert.StartsWith("example-sound: destroyed", _support.Run("destroy", "example-sound").Stdout);
    }

    [QemuInstalledFact]
    public async Task A_kvm_domain_without_kvm_is_refused_unless_tcg_is_asked_for()
    {
        var file = await _support.ExampleAsync("virtio-qcow2");
        File.WriteAllText(file, File.ReadAllText(file).Replace("<domain type='qemu'>", "<domain type='kvm'>", StringComparison.Ordinal));
        if (File.Exists("/dev/kvm")) return; // this host may run it under KVM; the refusal is for hosts without

        var refused = _support.LaunchProcess(file);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("error DL4054: ", refused.Stderr);
        Assert.Contains("--accel tcg", refused.Stderr);
        Assert.Equal("NAME  PID  STATE\n", _support.Run("list").Stdout);

        var launched = _support.LaunchProcess(file, "--accel", "tcg");
        Assert.True(launched.ExitCode == 0, launched.ToString());
        var name = launched.Stdout.Split(':')[0];
        Assert.StartsWith($"{name}: destroyed", _support.Run("destroy", name).Stdout);
    }

    [QemuInstalledFact]
    public async Task Destroy_stops_a_paused_guest_and_removes_its_run_directory()
    {
        var launch = await _support.LaunchAsync(await _support.ExampleAsync("vnc-socket"), paused: true);
        Assert.True(launch.ExitCode == 0, launch.Stderr);
        Assert.StartsWith("example-vnc-socket: prelaunch", launch.Stdout); // QEMU's word for vCPUs that never ran
        var pid = int.Parse(launch.Stdout.Split("pid ")[1].Split(',')[0]);

        var destroy = _support.Run("destroy", "example-vnc-socket");

        Assert.True(destroy.ExitCode == 0, destroy.ToString());
        Assert.StartsWith("example-vnc-socket: destroyed", destroy.Stdout);
        Assert.False(EmulatorLiveness.IsAlive(pid));
        Assert.Empty(Directory.GetDirectories(_support.RunBase));
    }

    [QemuInstalledFact]
    public async Task Launching_a_running_name_again_fails_and_keeps_the_first_guest()
    {
        var file = await _support.ExampleAsync("two-nics");
        var first = await _support.LaunchAsync(file);
        Assert.True(first.ExitCode == 0, first.Stderr);

        var second = await _support.LaunchAsync(file);

        Assert.Equal(1, second.ExitCode);
        Assert.True(second.Stderr.Contains("error DL6053: domain: 'example-two-nics' is already running"), second.Stderr);
        Assert.StartsWith("example-two-nics: running", _support.Run("status", "example-two-nics").Stdout);
        Assert.Equal(0, _support.Run("destroy", "example-two-nics").ExitCode);
    }

    [QemuInstalledFact]
    public async Task A_missing_disk_image_fails_the_launch_with_QEMU_s_words_and_leaves_nothing()
    {
        var file = await _support.ExampleAsync("ide-raw-cdrom");
        File.Delete(Path.Combine(_support.HostFolder, "ide-raw-cdrom.img"));

        var launch = await _support.LaunchAsync(file);

        Assert.Equal(1, launch.ExitCode);
        Assert.Contains("error DL6055:", launch.Stderr);
        Assert.Contains("ide-raw-cdrom.img", launch.Stderr);
        Assert.Contains("No such file or directory", launch.Stderr);
        Assert.Equal("", launch.Stdout);
        Assert.Empty(Directory.GetDirectories(_support.RunBase));
    }

    [QemuInstalledFact]
    public async Task A_foreground_launch_stops_on_request_with_a_power_down_then_quit_and_QEMU_s_status()
    {
        using var stop = new CancellationTokenSource();
        var file = await _support.ExampleAsync("watchdog");

        var run = _support.LaunchAsync(file, foreground: true, stop: stop.Token, shutdownTimeout: TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!_support.Run("status", "example-watchdog").Stdout.StartsWith("example-watchdog: running", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the foreground guest never reached running");
            await Task.Delay(100);
        }
        stop.Cancel(); // what SIGTERM or SIGINT does in the command
        var (exitCode, stdout, stderr) = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("example-watchdog: running", stdout);
        Assert.Contains("example-watchdog: did not power down within 1 s; QEMU was told to quit and exited with status 0", stderr);
        Assert.Empty(Directory.GetDirectories(_support.RunBase));
    }

    [Fact]
    public void Every_command_on_an_unknown_name_fails_saying_so()
    {
        foreach (var command in new[] { "status", "suspend", "resume", "shutdown", "destroy" })
        {
            var run = _support.Run(command, "nobody");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("error DL6054: no domain named 'nobody' is running", run.Stderr);
            Assert.Equal("", run.Stdout);
        }
    }

    [Fact]
    public void A_bridged_interface_is_refused_before_QEMU_is_started()
    {
        var file = Path.Combine(_support.HostFolder, "bridged.xml");
        File.WriteAllText(file, """
            <domain type='qemu'>
              <name>bridged</name>
              <memory>65536</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type></os>
              <devices>
                <emulator>/usr/bin/qemu-system-x86_64</emulator>
                <interface type='bridge'><source bridge='dl-absent-br'/></interface>
              </devices>
            </domain>
            """);

        var run = _support.Run("launch", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("bridged.xml:7:", run.Stderr);
        // No such bridge here (DL6408), or no bridge helper to join it with (DL6405).
        Assert.Matches("error DL64(05|08): .*bridge 'dl-absent-br'", run.Stderr);
        Assert.Empty(Directory.GetDirectories(_support.RunBase));
    }
}
