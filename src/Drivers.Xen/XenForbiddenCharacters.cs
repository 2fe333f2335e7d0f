using System.Globalization;

namespace DomainLauncher.Drivers.Xen;

/// <summary>
/// The characters no Xen configuration string may hold, xm config or xend S-expression, read or
/// written: every value reaches a path, a
/// name, a command line or a terminal, where a control character changes what it names (a dropped
/// <c>\x01</c> makes <c>/dev/a\x01b</c> another device) or what is shown; U+FFFE, U+FFFF and lone
/// surrogates cannot be carried by the domain XML. Such a value is refused, never cleaned.
/// </summary>
public static class XenForbiddenCharacters
{
    /// <summary>The index of the first forbidden character of <paramref name="text"/>, or -1.</summary>
    public static int IndexOf(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF') return i;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return i;
        }
        return -1;
    }

    /// <summary>How a message names the character at <paramref name="index"/>: <c>U+0001</c>.</summary>
    public static string Describe(string text, int index) =>
        "U+" + ((int)text[index]).ToString("X4", CultureInfo.InvariantCulture);
}
