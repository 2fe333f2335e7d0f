namespace DomainLauncher.Conformance.Qemu;

/// <summary>Describes where two word lists first differ, briefly enough for a one-line result message.</summary>
internal static class WordListDiff
{
    public static string? FirstDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var common = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < common; i++)
        {
            if (expected[i] != actual[i])
                return $"word {i + 1} differs: expected '{expected[i]}', got '{actual[i]}' (after '{Before(expected, i)}')";
        }
        if (expected.Count == actual.Count) return null;
        return expected.Count > actual.Count
            ? $"missing {expected.Count - actual.Count} word(s) at the end, starting with '{expected[common]}'"
            : $"{actual.Count - expected.Count} extra word(s) at the end, starting with '{actual[common]}'";
    }

    private static string Before(IReadOnlyList<string> words, int index) => index == 0 ? "" : words[index - 1];
}
