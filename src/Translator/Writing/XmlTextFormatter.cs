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

    private static void Append(StringBuilder text, XmlElement element, int depth)
    {
        for (var i = 0; i < depth; i++) text.Append(IndentUnit);
        text.Append('<').Append(element.Name);
        foreach (var attribute in element.Attributes)
            text.Append(' ').Append(attribute.Name).Append("='").Append(XmlEscaping.EscapeAttribute(attribute.Value)).Append('\'');

        if (element.Text is not null)
        {
            text.Append('>').Append(XmlEscaping.EscapeText(element.Text)).Append("</").Append(element.Name).Append(">\n");
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
