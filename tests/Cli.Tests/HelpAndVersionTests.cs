using System.Text.RegularExpressions;
using DomainLauncher.Cli.Tests.Support;

namespace DomainLauncher.Cli.Tests;

public sealed class HelpAndVersionTests
{
    [Fact]
    public void Help_lists_the_commands_and_shows_an_example_and_exits_0()
    {
        var run = CliProcess.Run("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Stdout);
        Assert.Contains("validate", run.Stdout);
        Assert.Contains("--verbose", run.Stdout);
        Assert.Contains("Examples:", run.Stdout);
        Assert.Contains("domainlauncher validate examples/minimal-qemu.xml", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Every_command_listed_in_help_has_its_own_help_with_an_example()
    {
        var commands = CommandsListedIn(CliProcess.Run("--help").Stdout);
        Assert.Contains("validate", commands);

        foreach (var command in commands)
        {
            var run = CliProcess.Run(command, "--help");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"domainlauncher {command}", run.Stdout);
            var examples = run.Stdout[run.Stdout.IndexOf("Examples:", StringComparison.Ordinal)..];
            Assert.Contains($"  domainlauncher {command} ", examples);
        }
    }

    [Fact]
    public void Version_prints_the_version_alone_and_exits_0()
    {
        var run = CliProcess.Run("--version");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]+)?\n$"), run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    private static List<string> CommandsListedIn(string help)
    {
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "Commands:");
        Assert.True(start >= 0, "no Commands: section in\n" + help);
        return [.. lines.Skip(start + 1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Where(l => !l.StartsWith("   ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ')[0])];
    }
}
