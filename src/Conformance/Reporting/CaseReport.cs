using DomainLauncher.Conformance.Qemu;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Conformance;

namespace DomainLauncher.Conformance.Reporting;

/// <summary>
/// The one line <c>conformance</c> prints for a case that did not pass:
/// <c>ID: fail (expects args): word 9: expected ... -smp 1 &gt;&gt;-nographic&lt;&lt; -monitor ...; got ... -smp 1 &gt;&gt;-nodefaults&lt;&lt; -chardev ...</c>,
/// i.e. where the command lines first differ with a few words around it on both sides, or the
/// runner's message (a refusal, or a command line where a refusal was expected).
/// </summary>
internal static class CaseReport
{
    private const int WordsBefore = 3;
    private const int WordsAfter = 3;

    public static string Line(QemuxmlCase c, ConformanceCaseResult result)
    {
        var status = ConformanceStatusNames.Table.ToXml(result.Status);
        if (result.Status == ConformanceStatus.Error) return $"{c.Id}: {status}: {result.Message}";
        var detail = WordDifference(c, result) ?? result.Message ?? "no detail";
        return $"{c.Id}: {status} (expects {QemuxmlExpectationNames.Table.ToXml(c.Expectation)}): {detail}";
    }

    /// <summary>Where a built command line first differs from the expected one, or null when that does not apply.</summary>
    private static string? WordDifference(QemuxmlCase c, ConformanceCaseResult result)
    {
        if (c.Expectation != QemuxmlExpectation.Args || result.Actual is null || c.ArgsPath is null || !File.Exists(c.ArgsPath))
            return null;
        var expected = ShellWords.Split(File.ReadAllText(c.ArgsPath));
        var actual = ShellWords.Split(result.Actual);
        if (!expected.Succeeded || !actual.Succeeded) return null;
        var e = expected.Words;
        var a = actual.Words;
        var at = 0;
        while (at < e.Length && at < a.Length && e[at] == a[at]) at++;
        if (at == e.Length && at == a.Length) return null;
        return $"word {at + 1}: expected {Context(e, at)}; got {Context(a, at)}";
    }

    private static string Context(IReadOnlyList<string> words, int at)
    {
        var start = Math.Max(0, at - WordsBefore);
        var parts = new List<string>();
        if (start > 0) parts.Add("...");
        for (var i = start; i < at; i++) parts.Add(ShellQuoting.Quote(words[i]));
        parts.Add(">>" + (at < words.Count ? ShellQuoting.Quote(words[at]) : "(end)") + "<<");
        var end = Math.Min(words.Count, at + 1 + WordsAfter);
        for (var i = at + 1; i < end; i++) parts.Add(ShellQuoting.Quote(words[i]));
        if (end < words.Count) parts.Add("...");
        return string.Join(' ', parts);
    }
}
