using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// The memory units the spec accepts, with their size in bytes. Decimal (KB, MB...) and binary
/// (KiB, k, MiB, M...) forms; a bare letter is binary as in the spec.
/// </summary>
public static class MemoryUnit
{
    // Two plain arrays rather than a dictionary: made at first use, the dictionary was ~17K instructions of
    // a one-shot command's start (hashing, resizing), the arrays about half that. A lookup compares the
    // name with at most 26 short strings, once per size in a document.
    private static readonly string[] UnitNames =
    [
        "b", "bytes",
        "KB", "k", "KiB", "K",
        "MB", "M", "MiB", "m",
        "GB", "G", "GiB", "g",
        "TB", "T", "TiB", "t",
        "PB", "P", "PiB", "p",
        "EB", "E", "EiB", "e",
    ];

    private static readonly ulong[] UnitBytes =
    [
        1, 1,
        1000, 1024, 1024, 1024,
        1000_000, 1UL << 20, 1UL << 20, 1UL << 20,
        1000_000_000, 1UL << 30, 1UL << 30, 1UL << 30,
        1000_000_000_000, 1UL << 40, 1UL << 40, 1UL << 40,
        1000_000_000_000_000, 1UL << 50, 1UL << 50, 1UL << 50,
        1000_000_000_000_000_000, 1UL << 60, 1UL << 60, 1UL << 60,
    ];

    public static IEnumerable<string> Names => UnitNames;

    public static bool TryGetBytes(string unit, out ulong bytes)
    {
        var at = NameSearch.IndexOf(UnitNames, unit);
        bytes = at >= 0 ? UnitBytes[at] : 0;
        return at >= 0;
    }

    /// <summary>value × unit in KiB (rounded up), or null when it does not fit in 64 bits of bytes.</summary>
    public static MemorySize? ToSize(ulong value, ulong bytesPerUnit)
    {
        var bytes = (UInt128)value * bytesPerUnit;
        if (bytes > ulong.MaxValue) return null;
        var kib = (ulong)((bytes + 1023) / 1024);
        return new MemorySize(kib);
    }
}
