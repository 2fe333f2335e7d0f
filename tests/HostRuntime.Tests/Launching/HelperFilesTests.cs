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

    [Fact]
    public async Task Stopping_the_helpers_leaves_a_recorded_pid_that_is_another_programs_alone()
    {
        // The pid file outlived its helper and the pid now names a program of another run.
        using var process = StartSleeperNaming(Path.Combine(_runFolder + "-other", "qemu.pid"));
        Directory.CreateDirectory(HelperFiles.Folder(_runFolder));
        await File.WriteAllTextAsync(Path.Combine(HelperFiles.Folder(_runFolder), "virtiofsd-fs0.pid"), $"{process.Id}\n");
        Assert.True(await HelperSet.StopAllAsync(_runFolder, TimeSpan.FromSeconds(5)));
        Assert.False(process.HasExited);
        process.Kill();
        process.WaitForExit();
    }

    [Fact]
    public async Task Stopping_the_helpers_kills_one_that_stays_and_waits_until_it_is_gone()
    {
        using var process = StartSleeperNaming(Path.Combine(_runFolder, "helpers", "virtiofsd-fs0.sock"));
        Directory.CreateDirectory(HelperFiles.Folder(_runFolder));
        await File.WriteAllTextAsync(Path.Combine(HelperFiles.Folder(_runFolder), "virtiofsd-fs0.pid"), $"{process.Id}\n");
        Assert.True(await HelperSet.StopAllAsync(_runFolder, TimeSpan.Zero));
        Assert.False(EmulatorLiveness.IsAlive(process.Id));
    }

    /// <summary>
    /// A shell that sleeps, with <paramref name="path"/> as its $0, so its arguments name the path; returned once they
    /// do. Process.Start returns after the fork, and until the child has run exec its arguments are the test host's
    /// (a loaded CI machine showed it: BelongsTo read them and said no).
    /// </summary>
    private static Process StartSleeperNaming(string path)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", "sleep 30", path]) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
        var waited = Stopwatch.StartNew();
        while (!File.ReadAllText($"/proc/{process.Id}/cmdline").Contains(path, StringComparison.Ordinal))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException("the sleeper's arguments never named " + path);
            Thread.Sleep(1);
        }
        return process;
    }
}
