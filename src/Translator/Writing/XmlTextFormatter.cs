using System.Text;

namespace DomainLauncher.Translator.Writing;

/// <summary>
/// The one place that knows XML syntax for the writer: libvirt's layout (two spaces of indentation
/// per level, attributes in single quotes, an element with nothing inside closed as <c>&lt;x/&gt;</c>,
/// text kept on the element's line) and escaping.
/// </summary>
internal static class XmlTextFormatter
{
    private const string IndentUnit = "  ";

    /// <summary>The document text of <paramref name="root"/>, ending with a newline.</summary>
    public static string Format(XmlElement root)
    {
        var text = new StringBuilder();
        Append(text, root, 0);
        return text.ToString();
    }

    /// <summary>
    /// Escapes text or an attribute value as libvirt does: the five XML specials become entities
    /// (so the value is safe in single- or double-quoted attributes and in text) and control
    /// characters other than tab, newline and carriage return, which XML 1.0 cannot carry, are dropped.
    /// </summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("<>&'\"") < 0 && !value.Any(IsDropped)) return value;
        var escaped = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '&': escaped.Append("&amp;"); break;
                case '\'': escaped.Append("&apos;"); break;
                case '"': escaped.Append("&quot;"); break;
                default:
                    if (!IsDropped(c)) escaped.Append(c);
                    break;
            }
        }
        return escaped.ToString();
    }

    private static bool IsDropped(char c) => c < 0x20 && c is not ('\t' or '\n' or '\r');

    private static void Append(StringBuilder text, XmlElement element, int depth)
    {
        for (var i = 0; i < depth; i++) text.Append(IndentUnit);
        text.Append('<').Append(element.Name);
        foreach (var attribute in element.Attributes)
            text.Append(' ').Append(attribute.Name).Append("='").Append(Escape(attribute.Value)).Append('\'');

        if (element.Text is not null)
        {
            text.Append('>').Append(Escape(element.Text)).Append("</").Append(element.Name).Append(">\n");
            return;
        }
        if (element.Children.IsEmpty && !element.AlwaysOpen)
        {
            text.Append("/>\n");
            return;
        }
        text.Append(">\n");
        foreach (var child in element.Children) Append(text, child, depth + 1);
        for (var i = 0; i < depth; i++) text.Append(IndentUnit);
        text.Append("</").Append(element.Name).Append(">\n");
    }
}
