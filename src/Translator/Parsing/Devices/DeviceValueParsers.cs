using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Value readers the storage and host-device parsers share: UUID attributes and C-style numbers.</summary>
internal static class DeviceValueParsers
{
    /// <summary>
    /// A UUID attribute: 32 hexadecimal digits, optionally dashed as 8-4-4-4-12. Null when absent
    /// or invalid (an error is reported for the latter).
    /// </summary>
    public static Guid? Uuid(ElementReader element, string name)
    {
        var text = element.Attr(name);
        if (text is null) return null;
        var hex = text.Trim().Replace("-", "", StringComparison.Ordinal);
        if (hex.Length == 32 && hex.All(char.IsAsciiHexDigit) && Guid.TryParseExact(hex, "N", out var uuid))
            return uuid;
        element.AttrError(name, DiagnosticCatalog.InvalidValue,
            $"'{text}' is not a UUID; expected 32 hexadecimal digits, optionally dashed as 8-4-4-4-12");
        return null;
    }

    /// <summary>
    /// An unsigned number written the way C's strtoul reads it with base 0: decimal, hexadecimal
    /// with 0x, or octal with a leading 0. Host device ids and addresses are documented this way.
    /// </summary>
    public static uint? CNumber(ElementReader element, string name, uint max = uint.MaxValue)
    {
        var text = element.Attr(name);
        if (text is null) return null;
        if (text.Length < 2 || text[0] != '0' || !char.IsAsciiDigit(text[1]))
            return element.UInt(name, max, allowHex: true);
        ulong value = 0;
        foreach (var c in text.AsSpan(1))
        {
            if (c < '0' || c > '7')
            {
                element.AttrError(name, DiagnosticCatalog.InvalidNumber,
                    $"attribute '{name}' '{text}' is not a number (a leading 0 means octal: digits 0 to 7)");
                return null;
            }
            value = value * 8 + (ulong)(c - '0');
            if (value > max)
            {
                element.AttrError(name, DiagnosticCatalog.NumberOutOfRange,
                    $"attribute '{name}' '{text}' is too large; the largest allowed is {max}");
                return null;
            }
        }
        return (uint)value;
    }
}
