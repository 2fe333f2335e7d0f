using DomainLauncher.ArgvGolden.Tests.Harness;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Conformance.Qemu;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Conformance;
using Xunit.Abstractions;

namespace DomainLauncher.ArgvGolden.Tests;

/// <summary>
/// The ratchet over the shared qemuxml2argv suite: qemuxml2argv-pass-list.txt names (one id a line,
/// sorted) every case that once passed, and each of them must keep passing. A case that passes but is
/// not listed fails too, so the list always holds every passing case. DL_REGENERATE_GOLDEN=1 only adds
/// the passing cases to the list; it never drops one, so a regression stays a failure until someone
/// removes its line by hand, on purpose.
/// </summary>
public sealed class QemuxmlPassListTests(ITestOutputHelper output)
{
    private static readonly string ListPath = Path.Combine(RepositoryPaths.Project, "qemuxml2argv-pass-list.txt");

    private static readonly Lazy<(QemuxmlSuite Suite, ConformanceRun Run)> Outcome = new(() =>
    {
        var loaded = QemuxmlSuite.Load(SharedCorpus.Suite("qemuxml2argv"));
        if (loaded.Value is not { } suite)
            throw new InvalidOperationException("the qemuxml2argv manifest does not load: " + string.Join("; ", loaded.Diagnostics.Select(d => d.Format())));
        return (suite, QemuxmlRunner.Run(suite, QemuxmlTranslation.Translate));
    });

    private static IReadOnlyList<string> ReadList() =>
        File.Exists(ListPath)
            ? [.. File.ReadAllLines(ListPath).Select(l => l.Trim()).Where(l => l.Length > 0)]
            : [];

    private static IReadOnlyList<string> Passing() =>
        [.. Outcome.Value.Run.Cases.Where(c => c.Status == ConformanceStatus.Pass).Select(c => c.Id)];

    [SharedCorpusFact]
    public void Every_listed_qemuxml2argv_case_still_passes()
    {
        if (GoldenFile.Regenerating)
        {
            // Add only: a listed case that fails stays listed, and fails below.
            var merged = ReadList().Union(Passing()).Distinct().Order(StringComparer.Ordinal);
            File.WriteAllText(ListPath, string.Concat(merged.Select(id => id + "\n")));
        }
        var results = Outcome.Value.Run.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var cases = Outcome.Value.Suite.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var regressions = new List<string>();
        foreach (var id in ReadList())
        {
            if (!results.TryGetValue(id, out var result) || result.Status == ConformanceStatus.Pass) continue;
            regressions.Add(id);
            output.WriteLine($"REGRESSION {id}: {result.Status}: {result.Message}");
            if (Diff(cases[id], result) is { } diff) output.WriteLine(diff);
        }
        output.WriteLine($"{ReadList().Count} listed, {Passing().Count} passing of {results.Count}");
        Assert.True(regressions.Count == 0,
            $"{regressions.Count} listed case(s) no longer pass (diffs in the test output): {string.Join(", ", regressions)}");
    }

    [SharedCorpusFact]
    public void Every_listed_id_is_a_case_of_the_manifest()
    {
        var ids = Outcome.Value.Suite.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        string[] strangers = [.. ReadList().Where(id => !ids.Contains(id))];
        Assert.True(strangers.Length == 0, "listed ids the manifest does not have: " + string.Join(", ", strangers));
    }

    /// <summary>
    /// The list is the ratchet only if it holds every case that passes: a case that starts passing
    /// unlisted could later regress without any test noticing. So an unlisted pass fails here until
    /// it is added (DL_REGENERATE_GOLDEN=1 adds it).
    /// </summary>
    [SharedCorpusFact]
    public void Every_passing_case_is_listed()
    {
        var listed = ReadList().ToHashSet(StringComparer.Ordinal);
        string[] unlisted = [.. Passing().Where(id => !listed.Contains(id)).Order(StringComparer.Ordinal)];
        foreach (var id in unlisted) output.WriteLine($"passes but is not listed: {id}");
        Assert.True(unlisted.Length == 0,
            $"{unlisted.Length} passing case(s) not listed, so nothing holds them passing: {string.Join(", ", unlisted)}; " +
            $"add them with {GoldenFile.RegenerateVariable}=1");
    }

    [Fact]
    public void The_pass_list_is_sorted_without_duplicates_or_blank_lines()
    {
        Assert.True(File.Exists(ListPath), $"{ListPath} is missing");
        var lines = File.ReadAllLines(ListPath);
        Assert.DoesNotContain(lines, l => l.Trim().Length == 0 || l != l.Trim());
        Assert.Equal(lines.Distinct().Order(StringComparer.Ordinal), lines);
    }

    /// <summary>Expected and actual command lines side by side, one option a line; null when there is nothing to compare.</summary>
    private static string? Diff(QemuxmlCase c, ConformanceCaseResult result)
    {
        // A refusal has no command line to compare; its message says why.
        if (result.Actual is null || c.ArgsPath is null || !File.Exists(c.ArgsPath)) return null;
        var expected = ShellWords.Split(File.ReadAllText(c.ArgsPath));
        if (!expected.Succeeded) return null;
        var actual = ShellWords.Split(result.Actual);
        static string[] Lines(IReadOnlyList<string> words) =>
            QemuCommandLine.FromWords(words) is { } line ? LinesCommandWriter.Write(line).TrimEnd('\n').Split('\n') : [.. words];
        return LineDiff.Format(Lines(expected.Words), actual.Succeeded ? Lines(actual.Words) : []);
    }
}
