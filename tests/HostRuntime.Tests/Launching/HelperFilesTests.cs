using System.Diagnostics;
using DomainLauncher.HostRuntime.Helpers;
using DomainLauncher.HostRuntime.Launching;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// How a recorded helper pid is told apart: a process whose arguments name the run folder belongs to it;
/// a helper has left only once its process is dead or its pid is another program's.
/// </summary>
public sealed class HelperFilesTests : IDisposable
{
    private readonly string _runFolder = Directory.CreateTempSubdirectory("dl-helperfiles-").FullName;

    public void Dispose() => Directory.Delete(_runFolder, recursive: true);

    [Fact]
    public void A_live_process_naming_the_run_folder_belongs_to_it_and_has_not_left()
    {
        using var process = StartSleeperNaming(Path.Combine(_runFolder, "helpers", "virtiofsd-fs0.sock"));
        Assert.True(HelperFiles.BelongsTo(process.Id, _runFolder));
        Assert.False(HelperFiles.HasLeft(process.Id, _runFolder));
        // The same process seen from another run folder is another program's.
        var other = _runFolder + "-other";
        Assert.False(HelperFiles.BelongsTo(process.Id, other));
        Assert.True(HelperFiles.HasLeft(process.Id, other));
        process.Kill();
        process.WaitForExit();
    }

    [Fact]
    public void A_process_that_ended_has_left_and_belongs_to_nothing()
    {
        using var process = StartSleeperNaming(Path.Combine(_runFolder, "qemu.pid"));
        var pid = process.Id;
        process.Kill();
        process.WaitForExit();
        Assert.False(EmulatorLiveness.IsAlive(pid));
        Assert.True(HelperFiles.HasLeft(pid, _runFolder));
        Assert.False(HelperFiles.BelongsTo(pid, _runFolder));
    }

    /// <summary>A shell that sleeps, with <paramref name="path"/> as its $0, so its arguments name the path.</summary>
    private static Process StartSleeperNaming(string path)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", "sleep 30", path]) start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
    }
}
