using System.Globalization;
using System.Text;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// Writes an xm config file as libvirt's config writer does: one <c>name = value</c> line per
/// setting in order, integers in decimal, lists as <c>[ a, b ]</c>. This is the only code that
/// knows quoting, and every string it writes is a Python string literal that <c>xm create</c>
/// (and <c>ast.literal_eval</c>) reads back as exactly that string:
/// <list type="bullet">
/// <item>a string with no backslash, no control character and no non-character is put, as libvirt
/// did, in the first quote it does not contain: <c>"..."</c>, then <c>'...'</c>, then
/// <c>"""..."""</c> (when it neither holds <c>"""</c> nor ends in <c>"</c>);</item>
/// <item>any other string is written <c>"..."</c> with a backslash before every backslash and
/// both quotes, <c>\n \r \t</c>, <c>\xNN</c> for every other control character and <c>\uXXXX</c>
/// for U+FFFE, U+FFFF and lone surrogates; other characters are written as they are (UTF-8).</item>
/// </list>
/// </summary>
public static class XmConfigWriter
{
    public static string Write(XmConfigFile file)
    {
        var text = new StringBuilder();
        foreach (var entry in file.Entries)
            text.Append(entry.Name).Append(" = ").Append(Value(entry.Value)).Append('\n');
        return text.ToString();
    }

    public static string Value(XmValue value) => value switch
    {
        XmInteger integer => integer.Number.ToString(CultureInfo.InvariantCulture),
        XmString s => Quote(s.Text),
        XmList list => "[ " + string.Join(", ", list.Items.Select(Value)) + " ]",
        _ => throw new InvalidOperationException($"unknown xm value {value.GetType().Name}"),
    };

    /// <summary>The Python string literal of <paramref name="text"/>; every string has one.</summary>
    public static string Quote(string text)
    {
        if (!NeedsEscapes(text))
        {
            if (!text.Contains('"')) return "\"" + text + "\"";
            if (!text.Contains('\'')) return "'" + text + "'";
            if (!text.Contains(TripleQuote, StringComparison.Ordinal) && !text.EndsWith('"')) return TripleQuote + text + TripleQuote;
        }
        return Escaped(text);
    }

    private const string TripleQuote = "\"\"\"";

    private static bool NeedsEscapes(string text) =>
        text.Contains('\\') || XenForbiddenCharacters.IndexOf(text) >= 0;

    private static string Escaped(string text)
    {
        var literal = new StringBuilder(text.Length + 8).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '"' or '\'':
                    literal.Append('\\').Append(c);
                    break;
                case '\n':
                    literal.Append("\\n");
                    break;
                case '\r':
                    literal.Append("\\r");
                    break;
                case '\t':
                    literal.Append("\\t");
                    break;
                case var _ when char.IsControl(c):
                    literal.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                case var _ when char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    literal.Append(c).Append(text[++i]);
                    break;
                case var _ when char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF':
                    literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    literal.Append(c);
                    break;
            }
        }
        return literal.Append('"').ToString();
    }
}
