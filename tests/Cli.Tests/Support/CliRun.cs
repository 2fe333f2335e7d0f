namespace DomainLauncher.Cli.Tests.Support;

/// <summary>What one run of the <c>domainlauncher</c> process produced, and what it cost.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr, TimeSpan WallTime, long? PeakRssKib)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string AllOutput => Stdout + Stderr;

    /// <summary>Everything a failed assertion needs to explain itself.</summary>
    public override string ToString() =>
        $"exit {ExitCode} in {WallTime.TotalMilliseconds:F0} ms, peak RSS {PeakRssKib?.ToString() ?? "?"} KiB\n" +
        $"--- stdout ---\n{Stdout}--- stderr ---\n{Stderr}";
}
