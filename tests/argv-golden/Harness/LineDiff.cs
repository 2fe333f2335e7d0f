using System.Text;

namespace DomainLauncher.ArgvGolden.Tests.Harness;

/// <summary>
/// A readable line diff for golden failures: the first differing region with a little context,
/// `-` for expected lines and `+` for actual ones (longest-common-subsequence based).
/// </summary>
public static class LineDiff
{
    public static string Format(IReadOnlyList<string> expected, IReadOnlyList<string> actual, int context = 2)
    {
        var n = expected.Count;
        var m = actual.Count;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = expected[i] == actual[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var lines = new List<(char Mark, string Text)>();
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && expected[a] == actual[b]) { lines.Add((' ', expected[a])); a++; b++; }
            // Removals before additions, so a changed line reads as "- old" then "+ new".
            else if (a < n && (b == m || lcs[a + 1, b] >= lcs[a, b + 1])) { lines.Add(('-', expected[a])); a++; }
            else { lines.Add(('+', actual[b])); b++; }
        }

        var sb = new StringBuilder();
        var shown = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Mark == ' ') continue;
            for (var k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context); k++) shown[k] = true;
        }
        var gap = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!shown[i]) { gap = true; continue; }
            if (gap && sb.Length > 0) sb.AppendLine("  ...");
            gap = false;
            sb.Append(lines[i].Mark).Append(' ').AppendLine(lines[i].Text);
        }
        return sb.ToString();
    }
}
