using CliWrap;
using DomainLauncher.Cli.Commands;
using DomainLauncher.Cli.Lifecycle;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// What the CLI lifecycle tests share: a private run base and host folder, the bundled examples made
/// runnable there (host paths moved, disk images created with qemu-img), launch run in-process, and
/// the other lifecycle commands run as processes.
/// <para>
/// Launch runs in-process (with a probe shared by the tests) so that a test can send the foreground
/// run its stop request; <see cref="LaunchProcess"/> runs it as a user does.
/// </para>
/// </summary>
public sealed class LifecycleSupport : IDisposable
{
    public const string QemuPath = "/usr/bin/qemu-system-x86_64";
    public const string DocumentedFolder = "/var/tmp/domainlauncher-examples";

    private static readonly Lazy<Task<(EmulatorDescription?, IReadOnlyList<Diagnostic>)>> Probed =
        new(async () =>
        {
            var probe = await EmulatorProbe.ProbeAsync(QemuPath, TimeSpan.FromSeconds(30), CancellationToken.None);
            return (probe.Result is { } result ? ProbeCapabilityRules.Describe(result) : null, probe.Diagnostics);
        });

    public string RunBase { get; } = Directory.CreateTempSubdirectory("dl-cli-run-").FullName;

    public string HostFolder { get; } = Directory.CreateTempSubdirectory("dl-cli-guests-").FullName;

    /// <summary>The kept state (TPM state, UEFI variables) of in-process launches, private as XDG_STATE_HOME would make it.</summary>
    public string StateBase { get; } = Directory.CreateTempSubdirectory("dl-cli-state-").FullName;

    /// <summary>The installed QEMU as launch describes it, probed once for all the tests.</summary>
    public static async Task<(EmulatorDescription? Emulator, IReadOnlyList<Diagnostic> Diagnostics)> ProbedAsync(
        string path, TimeSpan timeout, CancellationToken cancellation)
    {
        var (emulator, diagnostics) = await Probed.Value;
        return (emulator is null ? null : emulator with { Path = path }, diagnostics);
    }

    /// <summary>Writes the example with its host paths in <see cref="HostFolder"/>, creating the disk images it names.</summary>
    public async Task<string> ExampleAsync(string name)
    {
        var text = File.ReadAllText(Path.Combine(Support.Repository.Examples, "guests", name + ".xml"))
            .Replace(DocumentedFolder, HostFolder, StringComparison.Ordinal);
        var loaded = Translator.Parsing.DomainLoader.LoadText(text);
        foreach (var disk in loaded.Domain!.Devices.Disks)
        {
            if (disk.Source is not Translator.Model.FileDiskSource { File: { } file } || File.Exists(file)) continue;
            var format = disk.Driver?.Format is { } f ? Translator.Model.DiskXml.Format.ToXml(f) : "raw";
            await CliWrap.Cli.Wrap("qemu-img").WithArguments(["create", "-q", "-f", format, file, "16M"])
                .ExecuteAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }
        var path = Path.Combine(HostFolder, name + ".xml");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs <c>launch</c> in-process with the shared probe; returns the exit code and both outputs.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> LaunchAsync(string file, bool foreground = false, CancellationToken stop = default,
        TimeSpan? shutdownTimeout = null, bool paused = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var logging = new CliLogging(false, stderr);
        var request = new LaunchCommand.Request(file, paused, foreground, null, RunBase, TimeSpan.FromSeconds(30), shutdownTimeout ?? TimeSpan.FromSeconds(1),
            StateBase: StateBase);
        var code = await LaunchCommand.RunAsync(request, new CliContext(stdout, stderr, logging, false), ProbedAsync, stop);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>launch</c> as a process, as a user does (probing the binary, no cache).</summary>
    public Support.CliRun LaunchProcess(string file, params string[] args) => Run(["launch", "--no-cache", .. args, file]);

    /// <summary>Runs a lifecycle command as a process against <see cref="RunBase"/>.</summary>
    public Support.CliRun Run(params string[] args) => Support.CliProcess.Run([.. args, "--run-dir", RunBase]);

    /// <summary>The orphan check: a QEMU still alive under the run base is killed, then fails the test.</summary>
    public void Dispose()
    {
        var left = new List<int>();
        foreach (var directory in RunDirectory.All(RunBase))
        {
            if (directory.LivePid() is not { } pid) continue;
            left.Add(pid);
            EmulatorLiveness.KillAsync(pid, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        }
        try { Directory.Delete(RunBase, recursive: true); } catch (IOException) { }
        try { Directory.Delete(HostFolder, recursive: true); } catch (IOException) { }
        try { Directory.Delete(StateBase, recursive: true); } catch (IOException) { }
        Assert.True(left.Count == 0, $"QEMU processes outlived their test: {string.Join(", ", left)}");
    }
}
