using DomainLauncher.HostRuntime.Helpers;

namespace DomainLauncher.HostRuntime.Tests.Launching;

/// <summary>
/// A helper run (<see cref="HelperCommand"/>): a real program spawned, its exit code and what it wrote on either stream
/// collected, bounded by the timeout and by cancellation (the program then killed and reaped), and a start failure
/// when there is nothing to run.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HelperCommandTests : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dl-helper-command-");

    private static HelperCommand.Outcome Shell(string script, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null,
        string? logFile = null, CancellationToken cancellation = default) =>
        HelperCommand.Run("/bin/sh", ["-c", script], environment, logFile, timeout, cancellation);

    [Fact]
    public void The_exit_code_and_both_streams_are_collected_in_order_and_logged()
    {
        var log = Path.Combine(_folder.FullName, "emulator.log");

        var run = Shell("echo first; echo second >&2; printf 'no newline'; exit 3", Long, logFile: log);

        Assert.Equal(3, run.ExitCode);
        Assert.False(run.TimedOut);
        Assert.Null(run.StartFailure);
        Assert.Equal("first\nsecond\nno newline\n", run.Output.ReplaceLineEndings("\n"));
        Assert.Equal("first\nsecond\nno newline\n", File.ReadAllText(log).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Output_written_after_the_exit_by_what_the_program_forked_is_read_to_its_end()
    {
        var run = Shell("(sleep 0.2; echo from-the-daemon) & echo from-the-parent", Long);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("from-the-parent\nfrom-the-daemon\n", run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_work_given_to_do_meanwhile_runs_once_while_the_program_runs()
    {
        // The program waits for the file the work writes: it ends only if the work ran after its start, before the wait.
        var signal = Path.Combine(_folder.FullName, "written");
        var runs = 0;

        var run = HelperCommand.Run("/bin/sh", ["-c", $"while [ ! -e '{signal}' ]; do sleep 0.01; done; echo seen"], null, null, Long,
            CancellationToken.None, meanwhile: () =>
            {
                runs++;
                File.WriteAllText(signal, "");
            });

        Assert.Equal(1, runs);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("seen\n", run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_infinite_timeout_waits_for_the_exit()
    {
        var run = Shell("sleep 0.2; exit 4", System.Threading.Timeout.InfiniteTimeSpan);

        Assert.Equal(4, run.ExitCode);
        Assert.False(run.TimedOut);
    }

    [Fact]
    public void A_program_killed_by_a_signal_exits_with_128_plus_the_signal()
    {
        var run = Shell("kill -TERM $$", Long);

        Assert.Equal(128 + 15, run.ExitCode);
    }

    [Fact]
    public void A_run_past_its_timeout_is_killed_and_reaped()
    {
        var run = Shell("echo $$; exec sleep 30", TimeSpan.FromMilliseconds(300));

        Assert.True(run.TimedOut);
        Assert.Null(run.ExitCode);
        var pid = int.Parse(run.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{pid}"), "the killed program is reaped, not left a zombie");
    }

    [Fact]
    public async Task A_cancelled_run_is_killed_and_reported_as_not_finished()
    {
        using var cancel = new CancellationTokenSource();
        var started = DateTime.UtcNow;
        var running = Task.Run(() => Shell("exec sleep 30", Long, cancellation: cancel.Token));
        await Task.Delay(200);
        await cancel.CancelAsync();

        var run = await running;

        Assert.True(run.TimedOut);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "cancelling stops the wait long before the timeout");
    }

    [Fact]
    public void A_missing_program_is_a_start_failure_in_the_system_s_words()
    {
        var run = HelperCommand.Run(Path.Combine(_folder.FullName, "no-such-program"), [], null, null, Long, CancellationToken.None);

        Assert.Null(run.ExitCode);
        Assert.False(run.TimedOut);
        Assert.Equal("No such file or directory", run.StartFailure);
    }

    [Fact]
    public void A_program_named_without_a_folder_is_found_on_the_path()
    {
        var run = HelperCommand.Run("sh", ["-c", "exit 7"], null, null, Long, CancellationToken.None);

        Assert.Equal(7, run.ExitCode);
    }

    [Fact]
    public void The_environment_is_this_process_s_as_dotnet_sees_it_with_the_overrides()
    {
        Environment.SetEnvironmentVariable("DL_HELPER_COMMAND_TEST_SET", "set-in-dotnet");
        try
        {
            var run = Shell("echo \"$DL_HELPER_COMMAND_TEST_SET|$DL_HELPER_COMMAND_TEST_OVERRIDE|${HOME-removed}\"", Long,
                new Dictionary<string, string?> { ["DL_HELPER_COMMAND_TEST_OVERRIDE"] = "given", ["HOME"] = null });

            Assert.Equal("set-in-dotnet|given|removed", run.Output.Trim());
        }
        finally
        {
            Environment.SetEnvironmentVariable("DL_HELPER_COMMAND_TEST_SET", null);
        }
    }

    [Fact]
    public void The_program_starts_with_nothing_on_its_input_every_signal_at_its_default_and_none_blocked()
    {
        var run = Shell("cat; exec grep -E '^Sig(Ign|Blk)' /proc/self/status", Long);

        Assert.Equal(0, run.ExitCode);
        var masks = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(line => line[..6], line => Convert.ToUInt64(line[7..].Trim(), 16));
        Assert.Equal(0UL, masks["SigBlk"]);
        // Signals 32 and 33 are glibc's own (thread cancellation, setxid): its posix_spawn leaves them ignored in every
        // child, and a program's glibc installs its handlers over that. SIGPIPE, which .NET ignores, is among the rest.
        const ulong GlibcInternal = (1UL << 31) | (1UL << 32);
        Assert.Equal(0UL, masks["SigIgn"] & ~GlibcInternal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
