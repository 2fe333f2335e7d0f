using System.Runtime.CompilerServices;

namespace DomainLauncher.Translator.Xml;

/// <summary>
/// The two-way table between a model enum and its spellings in domain XML. Each model enum has
/// exactly one (a static <c>Xml</c> field beside it). Parsing is exact (XML values are
/// case-sensitive); an unknown value is reported with the list of allowed ones.
/// </summary>
public sealed class XmlEnum<T> where T : struct, Enum
{
    // Stored by the enum's int value: one dictionary instantiation shared by every enum type keeps
    // start-up cheap, which matters to a tool that runs hundreds of documents in one go. Plain
    // dictionaries, never written after construction: hundreds of these tables are built at start,
    // and a frozen dictionary costs more to build than its faster lookups save in a short run.
    private readonly Dictionary<string, int> _byName;
    private readonly Dictionary<int, string> _byValue;

    public XmlEnum(params (string Name, T Value)[] entries)
    {
        // The size, not Enum.GetUnderlyingType: that is a reflection lookup per table at start-up.
        if (Unsafe.SizeOf<T>() != sizeof(int))
            throw new ArgumentException($"{typeof(T).Name} must be an int-based enum");
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var byValue = new Dictionary<int, string>();
        foreach (var (name, value) in entries)
        {
            byName.Add(name, ToInt(value));
            // The first spelling of a value is its canonical one; later ones are accepted aliases.
            byValue.TryAdd(ToInt(value), name);
        }
        _byName = byName;
        _byValue = byValue;
        Names = [.. entries.Select(e => e.Name)];
    }

    /// <summary>Every accepted spelling, canonical ones first in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool TryParse(string text, out T value)
    {
        var found = _byName.TryGetValue(text, out var number);
        value = FromInt(number);
        return found;
    }

    /// <summary>The canonical XML spelling of a value.</summary>
    public string ToXml(T value) =>
        _byValue.TryGetValue(ToInt(value), out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"no XML name for {typeof(T).Name}.{value}");

    /// <summary>"a, b, c" for messages.</summary>
    public string AllowedList => string.Join(", ", Names);

    private static int ToInt(T value) => Unsafe.As<T, int>(ref value);

    private static T FromInt(int value) => Unsafe.As<int, T>(ref value);
}
