namespace DomainLauncher.Translator.Xml;

/// <summary>
/// The whitespace-only texts of a thread's documents (the indentation between elements), each made
/// into a string once: documents are indented alike, so a batch would otherwise make the same few
/// strings again for every element that has children. Bounded: only short texts are kept, and only
/// so many of them; any other text is made as usual.
/// </summary>
internal sealed class WhitespaceTexts
{
    private const int MaxLength = 256;
    private const int MaxKept = 1024;

    private readonly HashSet<string> _kept = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WhitespaceTexts() => _lookup = _kept.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string of <paramref name="text"/>: the one made before for the same text, when there is one.</summary>
    public string Of(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return "";
        if (text.Length > MaxLength) return new string(text);
        if (_lookup.TryGetValue(text, out var known)) return known;
        var made = new string(text);
        if (_kept.Count < MaxKept) _kept.Add(made);
        return made;
    }
}
