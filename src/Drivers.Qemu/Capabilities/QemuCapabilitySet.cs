using System.Collections;
using System.Numerics;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// An immutable set of <see cref="QemuCapability"/> ids with value equality: two sets holding the
/// same capabilities are equal whatever order they were built in. Enumerates in libvirt's order;
/// <see cref="ToString"/> gives the comma-separated names that <see cref="Parse(string, SourceLocation?)"/> reads.
/// </summary>
public sealed class QemuCapabilitySet : IReadOnlyCollection<QemuCapability>, IEquatable<QemuCapabilitySet>
{
    private const int BitsPerWord = 64;
    // From the names table, which holds every capability (a test says so): Enum.GetValues is a
    // reflection lookup a one-shot command pays at start.
    private static readonly int WordCount = (QemuCapabilityNames.HighestId / BitsPerWord) + 1;

    private readonly ulong[] _words;

    private QemuCapabilitySet(ulong[] words)
    {
        _words = words;
        var count = 0;
        foreach (var word in words) count += BitOperations.PopCount(word);
        Count = count;
    }

    public static QemuCapabilitySet Empty { get; } = new(new ulong[WordCount]);

    public static QemuCapabilitySet Of(params IEnumerable<QemuCapability> capabilities) => Empty.With(capabilities);

    public int Count { get; }

    public bool IsEmpty => Count == 0;

    public bool Has(QemuCapability capability)
    {
        // Every bit a set holds was set for a capability (With checks each one): a set bit needs no other check. The
        // planner and emitters ask this tens of times per document, most often of capabilities the emulator has.
        var index = (uint)capability;
        if (index < (uint)_words.Length * BitsPerWord && (_words[index / BitsPerWord] & (1UL << (int)(index % BitsPerWord))) != 0)
            return true;
        var (word, bit) = Position(capability);
        return (_words[word] & bit) != 0;
    }

    public QemuCapabilitySet With(params IEnumerable<QemuCapability> capabilities)
    {
        var words = (ulong[])_words.Clone();
        foreach (var capability in capabilities)
        {
            var (word, bit) = Position(capability);
            words[word] |= bit;
        }
        return new QemuCapabilitySet(words);
    }

    public QemuCapabilitySet Without(params IEnumerable<QemuCapability> capabilities)
    {
        var words = (ulong[])_words.Clone();
        foreach (var capability in capabilities)
        {
            var (word, bit) = Position(capability);
            words[word] &= ~bit;
        }
        return new QemuCapabilitySet(words);
    }

    public QemuCapabilitySet Union(QemuCapabilitySet other)
    {
        var words = new ulong[WordCount];
        for (var i = 0; i < WordCount; i++) words[i] = _words[i] | other._words[i];
        return new QemuCapabilitySet(words);
    }

    /// <summary>
    /// Reads a comma-separated list of libvirt capability names (<c>drive,device,netdev</c>).
    /// Blanks around names and empty items are ignored. Each unknown name is an error that suggests
    /// the closest known names; the set then holds the names that were known.
    /// </summary>
    public static QemuCapabilitySetParseResult Parse(string text, SourceLocation? where = null) =>
        Parse(text.Split(','), where);

    /// <summary>Reads capability names given one by one (for example from a JSON array).</summary>
    public static QemuCapabilitySetParseResult Parse(IEnumerable<string> names, SourceLocation? where = null)
    {
        var location = where ?? SourceLocation.OfFile("<capabilities>");
        var known = new List<QemuCapability>();
        var diagnostics = new List<Diagnostic>();
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length == 0) continue;
            if (QemuCapabilityNames.TryParse(name, out var capability))
            {
                known.Add(capability);
                continue;
            }
            diagnostics.Add(new Diagnostic(QemuDiagnostics.UnknownCapability, Severity.Error,
                UnknownNameMessage(name), location));
        }
        return new QemuCapabilitySetParseResult(Of(known), diagnostics);
    }

    internal static string UnknownNameMessage(string name)
    {
        return $"'{name}' is not a QEMU capability name{NameSuggestions.DidYouMean(name, QemuCapabilityNames.All)}";
    }

    public IEnumerator<QemuCapability> GetEnumerator()
    {
        for (var word = 0; word < WordCount; word++)
        {
            var bits = _words[word];
            while (bits != 0)
            {
                var bit = BitOperations.TrailingZeroCount(bits);
                yield return (QemuCapability)((word * BitsPerWord) + bit);
                bits &= bits - 1;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(QemuCapabilitySet? other) => other is not null && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => Equals(obj as QemuCapabilitySet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var word in _words) hash.Add(word);
        return hash.ToHashCode();
    }

    public static bool operator ==(QemuCapabilitySet? left, QemuCapabilitySet? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(QemuCapabilitySet? left, QemuCapabilitySet? right) => !(left == right);

    /// <summary>The names in libvirt's order, comma-separated: <c>vnc-colon,no-reboot,drive</c>.</summary>
    public override string ToString() => string.Join(",", this.Select(QemuCapabilityNames.Name));

    private static (int Word, ulong Bit) Position(QemuCapability capability)
    {
        var index = (int)capability;
        if (!QemuCapabilityNames.IsCapability(index))
            throw new ArgumentOutOfRangeException(nameof(capability), capability, "not a QEMU capability");
        return (index / BitsPerWord, 1UL << (index % BitsPerWord));
    }
}
