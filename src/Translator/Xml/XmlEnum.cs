using System.Collections.Frozen;

namespace DomainLauncher.Translator.Xml;

/// <summary>
/// The two-way table between a model enum and its spellings in domain XML. Each model enum has
/// exactly one (a static <c>Xml</c> field beside it). Parsing is exact (XML values are
/// case-sensitive); an unknown value is reported with the list of allowed ones.
/// </summary>
public sealed class XmlEnum<T> where T : struct, Enum
{
    private readonly FrozenDictionary<string, T> _byName;
    private readonly FrozenDictionary<T, string> _byValue;

    public XmlEnum(params (string Name, T Value)[] entries)
    {
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        var byValue = new Dictionary<T, string>();
        foreach (var (name, value) in entries)
        {
            byName.Add(name, value);
            // The first spelling of a value is its canonical one; later ones are accepted aliases.
            byValue.TryAdd(value, name);
        }
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byValue = byValue.ToFrozenDictionary();
        Names = [.. entries.Select(e => e.Name)];
    }

    /// <summary>Every accepted spelling, canonical ones first in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool TryParse(string text, out T value) => _byName.TryGetValue(text, out value);

    /// <summary>The canonical XML spelling of a value.</summary>
    public string ToXml(T value) =>
        _byValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"no XML name for {typeof(T).Name}.{value}");

    /// <summary>"a, b, c" for messages.</summary>
    public string AllowedList => string.Join(", ", Names);
}
