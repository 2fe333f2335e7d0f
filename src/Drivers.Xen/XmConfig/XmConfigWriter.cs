using System.Globalization;
using System.Text;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// Writes an xm config file as libvirt's config writer does: one <c>name = value</c> line per
/// setting in order, integers in decimal, lists as <c>[ a, b ]</c>. This is the only code that
/// knows quoting: xm strings have no escapes, so a string is put in the first quote it does not
/// contain: <c>"..."</c>, then <c>'...'</c>, then <c>"""..."""</c> (also for text with a newline).
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

    /// <summary>
    /// Whether a string can be written so that it reads back unchanged: only text holding a
    /// triple double quote, or holding both quote characters and ending in a double quote, cannot.
    /// </summary>
    public static bool CanQuote(string text) =>
        !Quoting(text).Equals(TripleQuote) || (!text.Contains("\"\"\"", StringComparison.Ordinal) && !text.EndsWith('"'));

    public static string Quote(string text)
    {
        if (!CanQuote(text)) throw new ArgumentException($"the string cannot be quoted in an xm config: {text}", nameof(text));
        var quote = Quoting(text);
        return quote + text + quote;
    }

    private const string TripleQuote = "\"\"\"";

    private static string Quoting(string text) =>
        text.Contains('\n') ? TripleQuote
        : !text.Contains('"') ? "\""
        : !text.Contains('\'') ? "'"
        : TripleQuote;
}
