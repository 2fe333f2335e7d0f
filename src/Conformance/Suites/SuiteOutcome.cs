using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Conformance.Suites;

/// <summary>
/// What running a suite folder gave: the finished run with one line for each case that did not pass
/// (in manifest order), or no run and the diagnostics that say why the suite could not be run.
/// </summary>
public sealed record SuiteOutcome(string? Suite, ConformanceRun? Run, IReadOnlyList<string> FailureLines, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int Passed => Run?.Count(ConformanceStatus.Pass) ?? 0;

    public int Failed => Run is null ? 0 : Run.Count(ConformanceStatus.Fail) + Run.Count(ConformanceStatus.Error);

    public int Unscored => Run?.Count(ConformanceStatus.Unscored) ?? 0;

    /// <summary>The closing line: <c>N passed, M failed</c>, with <c>, K unscored</c> when expected files are withheld.</summary>
    public string Summary => $"{Passed} passed, {Failed} failed" + (Unscored > 0 ? $", {Unscored} unscored" : "");
}
