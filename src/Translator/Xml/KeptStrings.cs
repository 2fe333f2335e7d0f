namespace DomainLauncher.Translator.Xml;

/// <summary>
/// Strings a thread's documents repeat (element and attribute names, namespace URIs, the indentation
/// between elements), each made once: documents are written alike, so a batch would otherwise make
/// the same few hundred strings again for every document. Bounded: only short texts are kept, only
/// so many of them, and a text is looked for in a few places only (so that texts made to collide cost
/// no more than others); any other text is made as usual.
/// </summary>
internal sealed class KeptStrings
{
    private const int MaxLength = 256;
    private const int MaxKept = 1024;
    private const int MaxProbes = 8;

    // Open addressing, twice as many slots as kept strings: a slot is empty or holds a kept string.
    private readonly string?[] _slots = new string?[2 * MaxKept];
    private int _kept;

    /// <summary>The string of <paramref name="text"/>: the one made before for the same text, when there is one.</summary>
    public string Of(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return "";
        if (text.Length > MaxLength) return new string(text);
        // FNV-1a over the characters: a few instructions each, and names are short.
        var hash = 2166136261u;
        foreach (var ch in text) hash = (hash ^ ch) * 16777619u;
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        for (var probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & mask)
        {
            var kept = _slots[slot];
            if (kept is null)
            {
                var made = new string(text);
                if (_kept < MaxKept)
                {
                    _slots[slot] = made;
                    _kept++;
                }
                return made;
            }
            if (text.SequenceEqual(kept)) return kept;
        }
        return new string(text);
    }
}
