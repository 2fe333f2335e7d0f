using System.Runtime.CompilerServices;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Marks (bits) kept per element or attribute of one document, by its index in document order: a
/// byte per index instead of a hash set of objects, so marking and asking cost an array access each.
/// Emptied in the time of the part that was used.
/// </summary>
internal sealed class IndexMarks(int capacity)
{
    private byte[] _marks = new byte[capacity];
    // Every mark at this index or beyond is clear.
    private int _used;

    public int Capacity => _marks.Length;

    // Inlined: every element and attribute a parser reads is marked (the growing is a call of its own).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int index, byte mark)
    {
        if (index >= _marks.Length) Grow(index);
        _marks[index] |= mark;
        if (index >= _used) _used = index + 1;
    }

    private void Grow(int index) => Array.Resize(ref _marks, Math.Max(index + 1, _marks.Length * 2));

    public void Clear(int index, byte mark)
    {
        if (index < _used) _marks[index] &= (byte)~mark;
    }

    public bool Has(int index, byte mark) => index < _used && (_marks[index] & mark) != 0;

    /// <summary>Clears every mark.</summary>
    public void Clear()
    {
        _marks.AsSpan(0, _used).Clear();
        _used = 0;
    }
}
