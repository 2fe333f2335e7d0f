namespace DomainLauncher.Conformance.Xen;

/// <summary>
/// Reads an expected <c>.sexpr</c> file: the reference wraps its one-line output, ending each
/// wrapped line with a backslash; a backslash-newline pair is removed and nothing else changes.
/// </summary>
public static class SexprFileText
{
    public static string Unwrap(string text) => text.Replace("\\\r\n", "").Replace("\\\n", "");

    /// <summary>Where two texts first differ, with a little context, or null when they are equal.</summary>
    public static string? FirstDifference(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal)) return null;
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
        static string Around(string text, int at) =>
            at >= text.Length ? "<end>" : text.Substring(Math.Max(0, at - 20), Math.Min(text.Length, at + 40) - Math.Max(0, at - 20));
        return $"differs at character {at}: expected …{Around(expected, at)}… but built …{Around(actual, at)}…";
    }
}
