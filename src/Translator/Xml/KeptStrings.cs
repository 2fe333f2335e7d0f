using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    private const int FirstSlots = 256;

    // Open addressing, at least twice as many slots as kept strings: a slot is empty or holds a kept string.
    // The table starts small and doubles as strings are kept (a one-shot command reads one document, and a
    // table is fresh memory), up to twice MaxKept slots.
    private string?[] _slots = new string?[FirstSlots];
    private int _kept;

    /// <summary>The string of <paramref name="text"/>: the one made before for the same text, when there is one.</summary>
    public string Of(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return "";
        if (text.Length > MaxLength) return new string(text);
        var hash = Hash(text);
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
                    if (2 * _kept > _slots.Length && _slots.Length < 2 * MaxKept) Grow();
                }
                return made;
            }
            if (kept.Length == text.Length && SameText(text, kept)) return kept;
        }
        return new string(text);
    }

    /// <summary>
    /// Whether a non-empty text equals a kept string of its length. Names are short: up to three characters are all of
    /// the first, middle and last, four to eight are the first four and the last four (two 8-byte reads, as
    /// <see cref="Hash"/> reads them); only longer texts take SequenceEqual, a call of ~22 instructions that cost
    /// more than the comparison itself for the ~70 names of every document.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameText(ReadOnlySpan<char> text, string kept)
    {
        var length = text.Length;
        if (length > 8) return text.SequenceEqual(kept);
        if (length < 4) return text[0] == kept[0] && text[length / 2] == kept[length / 2] && text[length - 1] == kept[length - 1];
        ref var left = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
        ref var right = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(kept.AsSpan()));
        var last = 2 * (length - 4);
        return Unsafe.ReadUnaligned<ulong>(ref left) == Unsafe.ReadUnaligned<ulong>(ref right)
            && Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref left, last)) == Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref right, last));
    }

    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    /// <summary>
    /// A hash of a non-empty text taken four characters (eight bytes) at a time, the last four read too (overlapping
    /// the step before): a name or value is one to three steps, where a character at a time cost several
    /// instructions each. The last steps spread every bit into the low ones the slot is taken from.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> text)
    {
        var length = text.Length;
        ulong hash;
        if (length >= 4)
        {
            ref var bytes = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
            hash = (ulong)length;
            for (var at = 0; at < length - 4; at += 4)
                hash = (hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, 2 * at))) * Multiplier;
            hash = (hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, 2 * (length - 4)))) * Multiplier;
        }
        else
            // One to three characters: the first, middle and last are all of them.
            hash = (text[0] | ((ulong)text[length / 2] << 16) | ((ulong)text[length - 1] << 32) | ((ulong)length << 48)) * Multiplier;
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCD;
        hash ^= hash >> 33;
        return (uint)hash;
    }

    /// <summary>Twice the slots, the kept strings placed again (one that finds no slot within the probes is dropped).</summary>
    private void Grow()
    {
        var old = _slots;
        _slots = new string?[old.Length * 2];
        _kept = 0;
        var mask = _slots.Length - 1;
        foreach (var kept in old)
        {
            if (kept is null) continue;
            var slot = (int)(Hash(kept) & (uint)mask);
            for (var probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & mask)
            {
                if (_slots[slot] is not null) continue;
                _slots[slot] = kept;
                _kept++;
                break;
            }
        }
    }
}
