using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// Lists of QEMU names kept in ordinal order, so that asking whether one is there is a binary search:
/// the capability rules ask a few hundred times of lists of hundreds of device types, commands and CPU features.
/// </summary>
public static class OrdinalNames
{
    /// <summary><paramref name="names"/> in ordinal order: the same list when it already is (what the probe and a profile give), else a sorted copy.</summary>
    public static ImmutableArray<string> Sorted(ImmutableArray<string> names)
    {
        if (names.IsDefault) return [];
        if (IsSorted(names.AsSpan())) return names;
        var sorted = names.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return ImmutableArray.Create(sorted);
    }

    /// <summary>Each name is ordinally no greater than the next.</summary>
    public static bool IsSorted(ReadOnlySpan<string> names)
    {
        for (var i = 1; i < names.Length; i++)
            if (string.CompareOrdinal(names[i - 1], names[i]) > 0) return false;
        return true;
    }

    /// <summary>Where <paramref name="name"/> is in the ordinally sorted <paramref name="sorted"/>, or a negative number.</summary>
    public static int IndexOf(ReadOnlySpan<string> sorted, string name)
    {
        var low = 0;
        var high = sorted.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(sorted[middle], name);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }

    /// <summary><paramref name="name"/> is in the ordinally sorted <paramref name="sorted"/>.</summary>
    public static bool Contains(ImmutableArray<string> sorted, string name) => IndexOf(sorted.AsSpan(), name) >= 0;
}
