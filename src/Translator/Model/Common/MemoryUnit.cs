namespace DomainLauncher.Translator.Model;

/// <summary>
/// The memory units the spec accepts, with their size in bytes. Decimal (KB, MB...) and binary
/// (KiB, k, MiB, M...) forms; a bare letter is binary as in the spec.
/// </summary>
public static class MemoryUnit
{
    private static readonly Dictionary<string, ulong> BytesPerUnit = new(StringComparer.Ordinal)
    {
        ["b"] = 1, ["bytes"] = 1,
        ["KB"] = 1000, ["k"] = 1024, ["KiB"] = 1024, ["K"] = 1024,
        ["MB"] = 1000_000, ["M"] = 1UL << 20, ["MiB"] = 1UL << 20, ["m"] = 1UL << 20,
        ["GB"] = 1000_000_000, ["G"] = 1UL << 30, ["GiB"] = 1UL << 30, ["g"] = 1UL << 30,
        ["TB"] = 1000_000_000_000, ["T"] = 1UL << 40, ["TiB"] = 1UL << 40, ["t"] = 1UL << 40,
        ["PB"] = 1000_000_000_000_000, ["P"] = 1UL << 50, ["PiB"] = 1UL << 50, ["p"] = 1UL << 50,
        ["EB"] = 1000_000_000_000_000_000, ["E"] = 1UL << 60, ["EiB"] = 1UL << 60, ["e"] = 1UL << 60,
    };

    public static IEnumerable<string> Names => BytesPerUnit.Keys;

    public static bool TryGetBytes(string unit, out ulong bytes) => BytesPerUnit.TryGetValue(unit, out bytes);

    /// <summary>value × unit in KiB (rounded up), or null when it does not fit in 64 bits of bytes.</summary>
    public static MemorySize? ToSize(ulong value, ulong bytesPerUnit)
    {
        var bytes = (UInt128)value * bytesPerUnit;
        if (bytes > ulong.MaxValue) return null;
        var kib = (ulong)((bytes + 1023) / 1024);
        return new MemorySize(kib);
    }
}
