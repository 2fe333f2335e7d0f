namespace DomainLauncher.Translator.Writing;

/// <summary>
/// The characters an XML 1.0 document can carry (its <c>Char</c> production): tab, newline,
/// carriage return, U+0020 to U+D7FF, U+E000 to U+FFFD and the supplementary planes as surrogate
/// pairs. Not the other C0 controls, not the non-characters U+FFFE and U+FFFF, not a lone surrogate.
/// </summary>
public static class XmlCharacters
{
    /// <summary>The index of the first character XML cannot carry, or -1 when there is none.</summary>
    public static int FirstUnrepresentable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (!IsCharacter(c)) return i;
        }
        return -1;
    }

    /// <summary>Whether a single UTF-16 unit (not part of a surrogate pair) is an XML character.</summary>
    public static bool IsCharacter(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');

    /// <summary>The character at <paramref name="index"/> as U+XXXX, for a diagnostic.</summary>
    public static string Describe(string value, int index) => $"U+{(int)value[index]:X4}";
}
