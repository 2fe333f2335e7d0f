using System.Text.Json;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// virsh's requests to a running guest: shutdown that returns once asked (and --wait), dumpxml,
/// qemu-monitor-command (QMP and HMP) and vncdisplay, run as processes against a launched guest.
/// </summary>
public sealed class GuestRequestCommandTests : IDisposable
{
    private readonly LifecycleSupport _support = new();

    public void Dispose() => _support.Dispose();

    [QemuInstalledFact]
    public async Task Shutdown_returns_once_the_power_button_is_pressed_and_wait_waits()
    {
        var launch = _support.LaunchProcess(await _support.ExampleAsync("serial-unix"));
        Assert.True(launch.ExitCode == 0, launch.ToString());
        var pid = int.Parse(launch.Stdout.Split("pid ")[1].Split(',')[0]);

        var asked = _support.Run("shutdown", "example-serial-unix");
        Assert.True(asked.ExitCode == 0, asked.ToString());
        Assert.StartsWith("example-serial-unix: shutdown requested (pid ", asked.Stdout);
        // SeaBIOS ignores the button: the guest is still there, and the command did not wait for it.
        Assert.True(EmulatorLiveness.IsAlive(pid));
        Assert.StartsWith("example-serial-unix: running", _support.Run("status", "example-serial-unix").Stdout);

        var waited = _support.Run("shutdown", "--wait", "--timeout", "1", "example-serial-unix");
        Assert.True(waited.ExitCode == 0, waited.ToString());
        Assert.Equal("example-serial-unix: waiting up to 1 s for the guest to power off ...\n", waited.Stderr);
        Assert.StartsWith("example-serial-unix: quit", waited.Stdout);
        Assert.False(EmulatorLiveness.IsAlive(pid));
    }

    [QemuInstalledFact]
    public async Task Dumpxml_and_monitor_commands_answer_for_a_running_guest()
    {
        var launch = _support.LaunchProcess(await _support.ExampleAsync("serial-unix"));
        Assert.True(launch.ExitCode == 0, launch.ToString());

        var xml = _support.Run("dumpxml", "example-serial-unix");
        Assert.True(xml.ExitCode == 0, xml.ToString());
        Assert.StartsWith("<domain type='qemu'>", xml.Stdout);
        Assert.Contains("<name>example-serial-unix</name>", xml.Stdout);

        var qmp = _support.Run("qemu-monitor-command", "example-serial-unix", "{\"execute\": \"query-status\"}");
        Assert.True(qmp.ExitCode == 0, qmp.ToString());
        using (var answer = JsonDocument.Parse(qmp.Stdout))
            Assert.Equal("running", answer.RootElement.GetProperty("return").GetProperty("status").GetString());

        var hmp = _support.Run("qemu-monitor-command", "example-serial-unix", "--hmp", "info", "status");
        Assert.True(hmp.ExitCode == 0, hmp.ToString());
        Assert.Contains("VM status: running", hmp.Stdout);

        var refused = _support.Run("qemu-monitor-command", "example-serial-unix", "no-such-command");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("error DL6500: QEMU refused 'no-such-command'", refused.Stderr);

        var malformed = _support.Run("qemu-monitor-command", "example-serial-unix", "{\"arguments\": {}}");
        Assert.True(malformed.ExitCode == 1, malformed.ToString());
        Assert.Contains("error DL6501: ", malformed.Stderr);

        // Ctrl-] leaves the serial console at once (here the first serial port, a unix socket).
        var console = Support.CliProcess.RunWithInput(Support.Repository.Root, "\u001d", "console", "example-serial-unix", "--run-dir", _support.RunBase);
        Assert.True(console.ExitCode == 0, console.ToString());
        Assert.StartsWith("Connected to domain 'example-serial-unix'\nEscape character is ^] (Ctrl + ])\n", console.Stderr);

        var noVnc = _support.Run("vncdisplay", "example-serial-unix");
        Assert.True(noVnc.ExitCode == 1, noVnc.ToString());
        Assert.Contains("error DL6502: domain 'example-serial-unix' has no VNC display", noVnc.Stderr);
        Assert.Equal(0, _support.Run("destroy", "example-serial-unix").ExitCode);
    }

    [QemuInstalledFact]
    public async Task Vncdisplay_prints_the_display_qemu_listens_on()
    {
        var launch = _support.LaunchProcess(await _support.ExampleAsync("vnc-socket"));
        Assert.True(launch.ExitCode == 0, launch.ToString());

        var display = _support.Run("vncdisplay", "example-vnc-socket");

        Assert.True(display.ExitCode == 0, display.ToString());
        Assert.Matches(@"^unix:/.*\n$", display.Stdout);
        Assert.Equal(0, _support.Run("destroy", "example-vnc-socket").ExitCode);
    }

    [Fact]
    public void A_guest_that_is_not_running_is_an_error_for_every_request()
    {
        var runBase = Directory.CreateTempSubdirectory("dl-cli-none-").FullName;
        try
        {
            foreach (var args in new[] { new[] { "dumpxml", "nobody" }, ["vncdisplay", "nobody"], ["console", "nobody"], ["qemu-monitor-command", "nobody", "--hmp", "info status"], ["shutdown", "nobody"] })
            {
                var run = Support.CliProcess.Run([.. args, "--run-dir", runBase]);
                Assert.True(run.ExitCode == 1, run.ToString());
                Assert.Contains("error DL6054: no domain named 'nobody' is running", run.Stderr);
            }
        }
        finally
        {
            Directory.Delete(runBase, recursive: true);
        }
    }
}
