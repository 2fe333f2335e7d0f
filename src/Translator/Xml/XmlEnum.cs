using System.Runtime.CompilerServices;

namespace DomainLauncher.Translator.Xml;

/// <summary>
/// The two-way table between a model enum and its spellings in domain XML. Each model enum has
/// exactly one (a static <c>Xml</c> field beside it). Parsing is exact (XML values are
/// case-sensitive); an unknown value is reported with the list of allowed ones.
/// </summary>
public sealed class XmlEnum<T> where T : struct, Enum
{
    // Stored by the enum's int value, in arrays searched in order: most tables hold a handful of
    // spellings, and hundreds of them are built at start, so a short scan beats building hash tables
    // a one-shot command never amortizes. Only the few long tables get dictionaries.
    private const int LinearLimit = 16;
    private readonly string[] _names;
    private readonly int[] _values;
    private readonly Dictionary<string, int>? _byName;
    private readonly Dictionary<int, string>? _byValue;

    public XmlEnum(params (string Name, T Value)[] entries)
    {
        // The size, not Enum.GetUnderlyingType: that is a reflection lookup per table at start-up.
        if (Unsafe.SizeOf<T>() != sizeof(int))
            throw new ArgumentException($"{typeof(T).Name} must be an int-based enum");
        _names = new string[entries.Length];
        _values = new int[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            _names[i] = entries[i].Name;
            _values[i] = ToInt(entries[i].Value);
        }
        if (entries.Length > LinearLimit)
        {
            var byName = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
            var byValue = new Dictionary<int, string>(entries.Length);
            for (var i = 0; i < entries.Length; i++)
            {
                byName.Add(_names[i], _values[i]);
                // The first spelling of a value is its canonical one; later ones are accepted aliases.
                byValue.TryAdd(_values[i], _names[i]);
            }
            _byName = byName;
            _byValue = byValue;
        }
        else
        {
            for (var i = 1; i < _names.Length; i++)
                if (Array.IndexOf(_names, _names[i], 0, i) >= 0)
                    throw new ArgumentException($"'{_names[i]}' is spelt twice in the {typeof(T).Name} table");
        }
        Names = _names;
    }

    /// <summary>Every accepted spelling, canonical ones first in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool TryParse(string text, out T value)
    {
        if (_byName is not null)
        {
            var found = _byName.TryGetValue(text, out var number);
            value = FromInt(number);
            return found;
        }
        var index = NameSearch.IndexOf(_names, text);
        value = FromInt(index >= 0 ? _values[index] : 0);
        return index >= 0;
    }

    /// <summary>The canonical XML spelling of a value (its first spelling; later ones are accepted aliases).</summary>
    public string ToXml(T value)
    {
        var number = ToInt(value);
        if (_byValue is not null)
        {
            if (_byValue.TryGetValue(number, out var name)) return name;
        }
        else if (Array.IndexOf(_values, number) is var index and >= 0)
        {
            return _names[index];
        }
        throw new ArgumentOutOfRangeException(nameof(value), value, $"no XML name for {typeof(T).Name}.{value}");
    }

    /// <summary>"a, b, c" for messages.</summary>
    public string AllowedList => string.Join(", ", Names);

    private static int ToInt(T value) => Unsafe.As<T, int>(ref value);

    private static T FromInt(int value) => Unsafe.As<int, T>(ref value);
}
