using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.HostRuntime.Launching;
using DomainLauncher.HostRuntime.Tests.Probing;

namespace DomainLauncher.HostRuntime.Tests.Launching;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EmulatorProcessTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dl-process-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    private EmulatorStartRequest Request(params string[] arguments) => new()
    {
        Path = QemuBinaryFactAttribute.Path,
        Arguments = ["-machine", "none", "-nodefaults", "-nographic", .. arguments],
        QmpSocketPath = Path.Combine(_folder.FullName, "qmp.sock"),
        LogFile = Path.Combine(_folder.FullName, "emulator.log"),
        Timeout = TimeSpan.FromSeconds(20),
    };

    [QemuBinaryFact]
    public async Task A_started_emulator_answers_QMP_and_is_gone_after_stop()
    {
        var outcome = await EmulatorProcess.StartAsync(Request("-S"), CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Diagnostics.Select(d => d.Message)));
        await using var emulator = outcome.Process!;
        var status = await emulator.Qmp.ExecuteAsync("query-status", null, emulator.Timeout, CancellationToken.None);
        Assert.Contains("prelaunch", Assert.IsType<QmpReturn>(status).Value.GetRawText());

        var exit = await emulator.StopAsync();

        Assert.Equal(0, exit); // 'quit' is a clean exit, no kill needed
        Assert.False(EmulatorProbeTests.ProcessExists(emulator.ProcessId));
    }

    [QemuBinaryFact]
    public async Task An_option_QEMU_rejects_fails_the_start_with_QEMU_s_own_words_and_leaves_no_process()
    {
        var outcome = await EmulatorProcess.StartAsync(Request("-no-such-option"), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Diagnostics);
        Assert.Equal(ProbeDiagnostics.EmulatorExited, error.Code);
        Assert.Contains("-no-such-option", error.Message);
        Assert.Contains("invalid option", error.Message);
        Assert.False(EmulatorProbeTests.ProcessExists(outcome.ProcessId!.Value));
        Assert.Contains("invalid option", File.ReadAllText(Path.Combine(_folder.FullName, "emulator.log")));
    }

    [QemuBinaryFact]
    public async Task A_missing_disk_image_is_reported_as_an_exit_with_QEMU_s_error_last()
    {
        var image = Path.Combine(_folder.FullName, "absent.qcow2");
        var outcome = await EmulatorProcess.StartAsync(
            Request("-S", "-chardev", "null,id=quiet,mux", "-drive", $"file={image},if=none,id=drive0,format=qcow2"), CancellationToken.None);

        var error = Assert.Single(outcome.Diagnostics);
        Assert.Equal(ProbeDiagnostics.EmulatorExited, error.Code);
        Assert.Contains("absent.qcow2", error.Message);
        Assert.Contains("No such file", error.Message);
        Assert.False(EmulatorProbeTests.ProcessExists(outcome.ProcessId!.Value));
    }

    [UnixFact]
    public async Task A_binary_that_never_opens_QMP_is_killed_at_the_timeout()
    {
        var script = Path.Combine(_folder.FullName, "silent-emulator");
        File.WriteAllText(script, "#!/bin/sh\nexec sleep 30\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var request = Request() with { Path = script, Timeout = TimeSpan.FromSeconds(1) };

        var outcome = await EmulatorProcess.StartAsync(request, CancellationToken.None);

        Assert.Equal(ProbeDiagnostics.ProbeTimedOut, Assert.Single(outcome.Diagnostics).Code);
        Assert.False(EmulatorProbeTests.ProcessExists(outcome.ProcessId!.Value));
    }
}
