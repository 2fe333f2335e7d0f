using System.Globalization;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// A 48-bit Ethernet MAC address. Parsed from exactly six colon-separated pairs of hexadecimal
/// digits (either case); written in lower case.
/// </summary>
public readonly record struct MacAddress
{
    private readonly ulong _value;

    private MacAddress(ulong value) => _value = value;

    /// <summary>Parses <c>xx:xx:xx:xx:xx:xx</c>; false for anything else.</summary>
    public static bool TryParse(string text, out MacAddress mac)
    {
        mac = default;
        if (text.Length != 17) return false;
        ulong value = 0;
        for (var i = 0; i < 6; i++)
        {
            var at = i * 3;
            if (i < 5 && text[at + 2] != ':') return false;
            if (!char.IsAsciiHexDigit(text[at]) || !char.IsAsciiHexDigit(text[at + 1])) return false;
            value = (value << 8) | byte.Parse(text.AsSpan(at, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        mac = new MacAddress(value);
        return true;
    }

    /// <summary>The octet at <paramref name="index"/> (0 to 5, most significant first).</summary>
    public byte this[int index] =>
        index is >= 0 and < 6
            ? (byte)(_value >> (8 * (5 - index)))
            : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>True when the group bit is set: such an address cannot belong to one NIC.</summary>
    public bool IsMulticast => (this[0] & 1) != 0;

    public override string ToString() =>
        string.Create(17, _value, static (text, value) =>
        {
            for (var i = 0; i < 6; i++)
            {
                if (i > 0) text[(i * 3) - 1] = ':';
                ((byte)(value >> (8 * (5 - i)))).TryFormat(text.Slice(i * 3, 2), out _, "x2", CultureInfo.InvariantCulture);
            }
        });
}
