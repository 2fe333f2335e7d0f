using System.Diagnostics;
using System.Text;
using System.Runtime.InteropServices;
using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.Drivers.Qemu;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Cli.Tests;

/// <summary><c>launch --foreground</c> as a process that receives SIGTERM, the way a service manager stops it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LifecycleSignalTests : IDisposable
{
    private const int SigTerm = 15;

    private readonly LifecycleSupport _support = new();

    public void Dispose() => _support.Dispose();

    [QemuInstalledFact]
    public async Task A_foreground_launch_turns_SIGTERM_into_a_power_down_then_quit_and_exits_with_QEMU_s_status()
    {
        var file = await _support.ExampleAsync("watchdog");
        var (program, programArgs) = Support.CliProcess.Command();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var cli = CliWrap.Cli.Wrap(program)
            .WithArguments([.. programArgs, "launch", "--foreground", "--no-cache", "--shutdown-timeout", "1", "--run-dir", _support.RunBase, file])
            .WithValidation(CliWrap.CommandResultValidation.None)
            .WithStandardOutputPipe(CliWrap.PipeTarget.ToDelegate(line => { lock (stdout) stdout.AppendLine(line); }))
            .WithStandardErrorPipe(CliWrap.PipeTarget.ToDelegate(line => { lock (stderr) stderr.AppendLine(line); }))
            .ExecuteAsync(limit.Token);
        try
        {
            var clock = Stopwatch.StartNew();
            while (!Said(stdout).Contains('\n') && !cli.Task.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(50);
            var started = Said(stdout).Split('\n')[0];
            Assert.True(started.StartsWith("example-watchdog: running (pid ", StringComparison.Ordinal), started + Said(stderr));
            var qemu = int.Parse(started.Split("pid ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);

            var sent = Kill(cli.ProcessId, SigTerm);
            Assert.True(sent == 0, $"kill({cli.ProcessId}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
            var result = await cli.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {Said(stderr)}");
            Assert.Contains("example-watchdog: did not power down within 1 s; QEMU was told to quit and exited with status 0", Said(stderr));
            Assert.False(EmulatorLiveness.IsAlive(qemu));
            Assert.Empty(Directory.GetDirectories(_support.RunBase));
        }
        finally
        {
            if (!cli.Task.IsCompleted)
            {
                await limit.CancelAsync();
                try { await cli.Task; } catch (OperationCanceledException) { }
            }
        }
    }

    private static string Said(StringBuilder text)
    {
        lock (text) return text.ToString();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
