namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// Finds the few known names closest to a misspelt one, so a message can say "did you mean ..."
/// instead of listing every name.
/// </summary>
internal static class NameSuggestions
{
    public static IReadOnlyList<string> Closest(string given, IEnumerable<string> known, int max = 3)
    {
        var lowered = given.ToLowerInvariant();
        var limit = Math.Max(1, given.Length / 3);
        return known
            .Select(name => (Name: name, Score: Score(lowered, name.ToLowerInvariant(), limit)))
            .Where(c => c.Score is not null)
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

    /// <summary>Levenshtein distance (insertions, deletions and substitutions each cost one).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
