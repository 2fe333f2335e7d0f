using System.Text;

namespace DomainLauncher.Drivers.Qemu.Tests.Hostile;

/// <summary>Small readers of QEMU's syntaxes, written from QEMU's parsers, that the hostile-input tests read the output back with.</summary>
internal static class HostileReaders
{
    /// <summary>
    /// QEMU's option syntax (util/qemu-option.c, get_opt_name_value): an item's name ends at its first
    /// <c>=</c> or <c>,</c>; a value ends at a single <c>,</c> (<c>,,</c> is a comma of the value). With an
    /// implied key, a first item whose name would end at <c>,</c> (or the end) is all value of that key.
    /// </summary>
    public static IReadOnlyList<(string Name, string? Value)> QemuOptions(string text, string? impliedKey = null)
    {
        var items = new List<(string, string?)>();
        var pos = 0;
        for (var first = true; ; first = false)
        {
            var end = text.AsSpan(pos).IndexOfAny('=', ',') is var at and >= 0 ? pos + at : text.Length;
            if (first && impliedKey is not null && (end == text.Length || text[end] != '='))
            {
                items.Add((impliedKey, Value(text, ref pos)));
            }
            else if (end < text.Length && text[end] == '=')
            {
                var name = text[pos..end];
                pos = end + 1;
                items.Add((name, Value(text, ref pos)));
            }
            else
            {
                items.Add((text[pos..end], null));
                pos = end;
            }
            if (pos >= text.Length) return items;
            pos++; // the ',' that ends the item
        }
    }

    private static string Value(string text, ref int pos)
    {
        var value = new StringBuilder();
        while (pos < text.Length)
        {
            if (text[pos] == ',')
            {
                if (pos + 1 < text.Length && text[pos + 1] == ',') { value.Append(','); pos += 2; continue; }
                break;
            }
            value.Append(text[pos++]);
        }
        return value.ToString();
    }

    /// <summary>QEMU's rbd file name fields (block/rbd.c qemu_rbd_next_tok and qemu_rbd_unescape): split at unescaped <c>:</c>, <c>\x</c> is x.</summary>
    public static IReadOnlyList<string> ColonFields(string text)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length) { current.Append(text[++i]); continue; }
            if (text[i] == ':') { fields.Add(current.ToString()); current.Clear(); continue; }
            current.Append(text[i]);
        }
        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>Asserts the words are the same, showing every character as a code point when they differ.</summary>
    public static void SameWords(IReadOnlyList<string?> expected, IReadOnlyList<string?> actual)
    {
        if (expected.SequenceEqual(actual, StringComparer.Ordinal)) return;
        static string Show(IEnumerable<string?> words) =>
            string.Join(" | ", words.Select(w => w is null ? "null" : string.Join(' ', w.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))));
        throw new Xunit.Sdk.XunitException($"words differ\nexpected: {Show(expected)}\nactual:   {Show(actual)}");
    }

    /// <summary>A random string over the characters that break out of fields: separators, quotes, escapes, spaces, controls, non-ASCII.</summary>
    public static string HostileString(Random random, int maxLength = 24)
    {
        const string alphabet = ",:'\"\\= \n\t\r\u0001\u001b\u007fé中\u00a0\u2028\uFFFEab/;@()[]$`";
        var length = random.Next(0, maxLength + 1);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) text.Append(alphabet[random.Next(alphabet.Length)]);
        return text.ToString();
    }
}
