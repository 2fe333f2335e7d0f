using DomainLauncher.Drivers.Qemu.Capabilities;
using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// Names with their lists of names (an option's parameters, a device's properties, a command's schema
/// features, an option's <c>-help</c> synopses), immutable. The keys are unique and kept in ordinal
/// order: a lookup is a binary search, a table is built from sorted input without hashing or a tree
/// (a profile holds its tables sorted), and it enumerates, so is written, in a stable order.
/// The lists keep the order they were given in.
/// </summary>
public sealed class NameTable : IReadOnlyDictionary<string, ImmutableArray<string>>
{
    private readonly ImmutableArray<string> _keys;
    private readonly ImmutableArray<ImmutableArray<string>> _values;

    private NameTable(string[] keys, ImmutableArray<string>[] values)
    {
        _keys = ImmutableCollectionsMarshal.AsImmutableArray(keys);
        _values = ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    public static NameTable Empty { get; } = new([], []);

    /// <summary>The table of <paramref name="entries"/>, given in any order; a name given twice is an <see cref="ArgumentException"/>.</summary>
    public static NameTable Of(IEnumerable<KeyValuePair<string, ImmutableArray<string>>> entries)
    {
        var keys = new List<string>();
        var values = new List<ImmutableArray<string>>();
        foreach (var (key, names) in entries)
        {
            keys.Add(key);
            values.Add(names);
        }
        return Of(keys.ToArray(), values.ToArray());
    }

    /// <summary>The table of <paramref name="entries"/>, given in any order; a name given twice is an <see cref="ArgumentException"/>.</summary>
    public static NameTable Of(params ReadOnlySpan<(string Name, ImmutableArray<string> Names)> entries)
    {
        var keys = new string[entries.Length];
        var values = new ImmutableArray<string>[entries.Length];
        for (var i = 0; i < entries.Length; i++) (keys[i], values[i]) = entries[i];
        return Of(keys, values);
    }

    private static NameTable Of(string[] keys, ImmutableArray<string>[] values) =>
        TryCreate(keys, values, out var twice) ?? throw new ArgumentException($"'{twice}' appears twice", nameof(keys));

    /// <summary>
    /// The table of <paramref name="keys"/> and their <paramref name="values"/> (same length; both arrays
    /// become the table's, sorted in place when the keys are not in order already), or null with the key
    /// that appears twice.
    /// </summary>
    internal static NameTable? TryCreate(string[] keys, ImmutableArray<string>[] values, [NotNullWhen(false)] out string? twice)
    {
        if (!OrdinalNames.IsSorted(keys)) Array.Sort(keys, values, StringComparer.Ordinal);
        for (var i = 1; i < keys.Length; i++)
        {
            if (string.Equals(keys[i - 1], keys[i], StringComparison.Ordinal))
            {
                twice = keys[i];
                return null;
            }
        }
        for (var i = 0; i < values.Length; i++)
            if (values[i].IsDefault) values[i] = [];
        twice = null;
        return new NameTable(keys, values);
    }

    public int Count => _keys.Length;

    /// <summary>The names, in ordinal order.</summary>
    public ImmutableArray<string> Keys => _keys;

    public ImmutableArray<string> this[string key] =>
        TryGetValue(key, out var names) ? names : throw new KeyNotFoundException($"'{key}' is not in the table");

    public bool ContainsKey(string key) => OrdinalNames.IndexOf(_keys.AsSpan(), key) >= 0;

    public bool TryGetValue(string key, out ImmutableArray<string> value)
    {
        var index = OrdinalNames.IndexOf(_keys.AsSpan(), key);
        value = index >= 0 ? _values[index] : default;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, ImmutableArray<string>>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++) yield return new(_keys[i], _values[i]);
    }

    IEnumerable<string> IReadOnlyDictionary<string, ImmutableArray<string>>.Keys => _keys;

    IEnumerable<ImmutableArray<string>> IReadOnlyDictionary<string, ImmutableArray<string>>.Values => _values;

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
