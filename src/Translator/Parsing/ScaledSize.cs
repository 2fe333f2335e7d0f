using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Sizes given as a number attribute beside a unit attribute (<c>&lt;page size='2' unit='M'/&gt;</c>,
/// <c>&lt;cell memory='1' unit='GiB'/&gt;</c>): libvirt 9's "scaled" attributes, KiB when the unit is absent.
/// </summary>
internal static class ScaledSize
{
    /// <summary>The size in <paramref name="valueName"/> scaled by <paramref name="unitName"/>, or null (reported) when invalid.</summary>
    public static MemorySize? Attribute(ElementReader element, string valueName, string unitName = "unit", string defaultUnit = "KiB")
    {
        var bytesPerUnit = Unit(element, unitName, defaultUnit);
        var value = element.Unsigned(valueName);
        if (value is null || bytesPerUnit is null) return null;
        var size = MemoryUnit.ToSize(value.Value, bytesPerUnit.Value);
        if (size is null)
            element.AttrError(valueName, DiagnosticCatalog.NumberOutOfRange,
                $"{value} {element.Attr(unitName) ?? defaultUnit} is too large; at most 16 EiB can be expressed");
        return size;
    }

    /// <summary>The size in bytes (for sizes below a KiB, such as a cache line), or null (reported) when invalid.</summary>
    public static ulong? Bytes(ElementReader element, string valueName, string unitName = "unit", string defaultUnit = "b")
    {
        var bytesPerUnit = Unit(element, unitName, defaultUnit);
        var value = element.Unsigned(valueName);
        if (value is null || bytesPerUnit is null) return null;
        if (value.Value > ulong.MaxValue / bytesPerUnit.Value)
        {
            element.AttrError(valueName, DiagnosticCatalog.NumberOutOfRange, $"{value} {element.Attr(unitName) ?? defaultUnit} is too large");
            return null;
        }
        return value.Value * bytesPerUnit.Value;
    }

    /// <summary>
    /// The grammar's unit spellings beyond the documented ones, read as libvirt does, case-insensitively:
    /// b, byte, bytes; a scale letter alone or with iB is binary, with B decimal (KB = 1000).
    /// </summary>
    private static bool TryGrammarUnit(string unit, out ulong bytes)
    {
        bytes = 0;
        var lower = unit.ToLowerInvariant();
        if (lower is "b" or "byte" or "bytes") { bytes = 1; return true; }
        var power = lower.Length == 0 ? -1 : "kmgtpe".IndexOf(lower[0], StringComparison.Ordinal) + 1;
        if (power <= 0) return false;
        var suffix = lower[1..];
        var radix = suffix switch { "" or "ib" => 1024UL, "b" => 1000UL, _ => 0UL };
        if (radix == 0) return false;
        bytes = 1;
        for (var i = 0; i < power; i++) bytes *= radix;
        return true;
    }

    private static ulong? Unit(ElementReader element, string unitName, string defaultUnit)
    {
        var unitText = element.Attr(unitName) ?? defaultUnit;
        if (MemoryUnit.TryGetBytes(unitText, out var bytesPerUnit) || TryGrammarUnit(unitText, out bytesPerUnit)) return bytesPerUnit;
        element.AttrError(unitName, DiagnosticCatalog.UnknownEnumValue,
            $"'{unitText}' is not a memory unit; allowed: {string.Join(", ", MemoryUnit.Names)}");
        return null;
    }
}
