namespace DomainLauncher.Drivers.Qemu.Tests.Build;

/// <summary>
/// Assertions on a command line as the list of words QEMU receives, never as a space-joined string:
/// an expected sequence matches whole words in a row, so <c>-device virtio-blk</c> does not pass for
/// <c>-device virtio-blk-pci</c> and a value cannot be split or merged without the test noticing.
/// </summary>
internal static class ArgvAssert
{
    /// <summary>The word after each occurrence of <paramref name="option"/> (every -netdev's value, say), in order.</summary>
    public static List<string> Values(IReadOnlyList<string> words, string option) =>
        [.. words.Where((w, i) => i > 0 && words[i - 1] == option)];

    /// <summary>The words hold <paramref name="sequence"/> as consecutive whole words.</summary>
    public static void Contains(IReadOnlyList<string> words, params string[] sequence)
    {
        if (IndexOf(words, sequence) < 0) Fail("holds", sequence, words);
    }

    /// <summary>The words begin with <paramref name="sequence"/>.</summary>
    public static void StartsWith(IReadOnlyList<string> words, params string[] sequence)
    {
        if (!MatchesAt(words, sequence, 0)) Fail("starts with", sequence, words);
    }

    /// <summary>The words end with <paramref name="sequence"/>.</summary>
    public static void EndsWith(IReadOnlyList<string> words, params string[] sequence)
    {
        if (!MatchesAt(words, sequence, words.Count - sequence.Length)) Fail("ends with", sequence, words);
    }

    /// <summary>
    /// No part of the command line reads <paramref name="pieces"/>: with one piece, no word contains
    /// it; with more, no run of words ends in the first piece, then is the middle ones exactly, then
    /// starts with the last (what a search of the joined text would find, without joining).
    /// </summary>
    public static void DoesNotContain(IReadOnlyList<string> words, params string[] pieces)
    {
        var whole = string.Join(' ', pieces);
        if (words.Any(w => w.Contains(whole, StringComparison.Ordinal))) Fail("does not contain", pieces, words);
        if (pieces.Length == 1) return;
        for (var i = 0; i + pieces.Length <= words.Count; i++)
        {
            var found = words[i].EndsWith(pieces[0], StringComparison.Ordinal)
                && words[i + pieces.Length - 1].StartsWith(pieces[^1], StringComparison.Ordinal);
            for (var j = 1; found && j < pieces.Length - 1; j++) found = words[i + j] == pieces[j];
            if (found) Fail("does not contain", pieces, words);
        }
    }

    private static int IndexOf(IReadOnlyList<string> words, string[] sequence)
    {
        for (var i = 0; i + sequence.Length <= words.Count; i++)
            if (MatchesAt(words, sequence, i)) return i;
        return -1;
    }

    private static bool MatchesAt(IReadOnlyList<string> words, string[] sequence, int start)
    {
        if (start < 0 || start + sequence.Length > words.Count) return false;
        for (var j = 0; j < sequence.Length; j++)
            if (words[start + j] != sequence[j]) return false;
        return true;
    }

    private static void Fail(string what, string[] sequence, IReadOnlyList<string> words) =>
        throw new Xunit.Sdk.XunitException(
            $"expected the command line that {what}\n  {string.Join("\n  ", sequence.Select(w => $"[{w}]"))}\nbut its words are\n  " +
            string.Join("\n  ", words.Select(w => $"[{w}]")));
}
