using System.Diagnostics;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

/// <summary>
/// The tool's standard output and error as a shell user meets them: both sent to one file keep every
/// line (neither overwrites the other), and a reader that goes away stops the command quietly.
/// </summary>
public sealed class StandardStreamsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Output_and_errors_sent_to_one_file_keep_both()
    {
        var file = Path.Combine(_temp.Path, "all.txt");
        var example = Path.Combine(Repository.Examples, "minimal-qemu.xml");
        var missing = Path.Combine(_temp.Path, "missing.xml");

        var status = RunShell($"{Tool()} to-native qemu-argv '{example}' '{missing}' > '{file}' 2>&1");

        Assert.Equal(1, status);
        var lines = File.ReadAllLines(file);
        Assert.Contains(lines, l => l.Contains("error DL1001") && l.Contains("missing.xml"));
        Assert.Contains(lines, l => l.Contains("qemu-system-") && l.Contains(" -name "));
    }

    [Fact]
    public void A_reader_that_goes_away_stops_a_batch_quietly()
    {
        // Enough JSON lines to fill the pipe many times over, read by a reader that takes one byte and leaves.
        var example = Path.Combine(Repository.Examples, "minimal-qemu.xml");
        var errors = Path.Combine(_temp.Path, "errors.txt");

        var status = RunShell($"set -o pipefail; documents=(); for i in $(seq 4000); do documents+=('{example}'); done; " +
            $"{Tool()} to-native qemu-argv --json -- \"${{documents[@]}}\" 2> '{errors}' | head -c 1 > /dev/null");

        Assert.Equal(141, status);
        Assert.Equal("", File.ReadAllText(errors));
    }

    private static string Tool()
    {
        var (program, args) = CliProcess.Command();
        return string.Join(' ', new[] { program }.Concat(args).Select(word => $"'{word}'"));
    }

    private static int RunShell(string script)
    {
        var start = new ProcessStartInfo("bash", ["--norc", "-c", script]) { UseShellExecute = false, WorkingDirectory = Repository.Root };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the shell pipeline did not end");
        return process.ExitCode;
    }
}
