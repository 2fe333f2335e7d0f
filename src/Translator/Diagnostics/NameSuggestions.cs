namespace DomainLauncher.Translator.Diagnostics;

/// <summary>
/// Finds the few known names closest to a misspelt one, so a message can say "did you mean ..."
/// instead of listing every name.
/// </summary>
public static class NameSuggestions
{
    /// <summary>Names longer than this get no suggestion: the distance costs the product of the lengths, and input is untrusted.</summary>
    public const int MaxSuggestedLength = 64;

    public static IReadOnlyList<string> Closest(string given, IEnumerable<string> known, int max = 3)
    {
        if (given.Length > MaxSuggestedLength) return [];
        var lowered = given.ToLowerInvariant();
        // Short names tolerate one edit, longer ones two; a swap of neighbours counts as one edit.
        var limit = given.Length <= 4 ? 1 : 2;
        return known
            .Select(name => (Name: name, Score: Score(lowered, name.ToLowerInvariant(), limit)))
            .Where(c => c.Score is not null && c.Name.Length <= MaxSuggestedLength)
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    // Lower is closer; null is not close at all. A name that contains the given text (or the
    // reverse) counts as close: "event_idx" should find "virtio-net-pci.event_idx".
    private static int? Score(string given, string candidate, int limit)
    {
        if (given.Length == 0) return null;
        var distance = Distance(given, candidate);
        if (distance <= limit) return distance;
        if (given.Length >= 3 && (candidate.Contains(given, StringComparison.Ordinal) || given.Contains(candidate, StringComparison.Ordinal)))
            return limit + 1 + Math.Abs(candidate.Length - given.Length);
        return null;
    }

    /// <summary>The message tail "; did you mean 'a' or 'b'?", or "" when nothing is close.</summary>
    public static string DidYouMean(string given, IEnumerable<string> known, int max = 3)
    {
        var close = Closest(given, known, max);
        return close.Count == 0 ? "" : "; did you mean " + string.Join(" or ", close.Select(c => $"'{c}'")) + "?";
    }

    /// <summary>
    /// Edit distance where inserting, deleting or replacing a character, or swapping two
    /// neighbouring ones, each cost one (optimal string alignment).
    /// </summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(d[i - 1, j - 1] + cost, Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
