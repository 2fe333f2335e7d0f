using System.Text;
using System.Xml.Linq;

namespace DomainLauncher.Drivers.Qemu.CapabilitiesXml;

/// <summary>
/// The one place that knows XML syntax for the capabilities writers: libvirt's layout (two spaces
/// per level, attributes in single quotes, an element with nothing inside closed as <c>&lt;x/&gt;</c>,
/// text on the element's line) and escaping. (The domain XML writer in the Translator has the same
/// rules for its own tree type.)
/// </summary>
internal static class CapabilitiesXmlText
{
    private const string IndentUnit = "  ";

    /// <summary>The document text of <paramref name="root"/>, ending with a newline. Children named in
    /// <paramref name="spacedChildren"/> get a blank line after them (libvirt's host capabilities layout).</summary>
    public static string Format(XElement root, params string[] spacedChildren)
    {
        var text = new StringBuilder();
        Append(text, root, 0, spacedChildren);
        return text.ToString();
    }

    /// <summary>The five XML specials become entities, so a value is safe in text and in single- or double-quoted attributes.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("<>&'\"") < 0) return value;
        var escaped = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\'' => "&apos;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    private static void Append(StringBuilder text, XElement element, int depth, string[] spacedChildren)
    {
        text.Append(' ', depth * IndentUnit.Length).Append('<').Append(element.Name.LocalName);
        foreach (var attribute in element.Attributes())
            text.Append(' ').Append(attribute.Name.LocalName).Append("='").Append(Escape(attribute.Value)).Append('\'');
        var children = element.Elements().ToList();
        if (children.Count == 0)
        {
            if (element.IsEmpty) text.Append("/>\n");
            else text.Append('>').Append(Escape(element.Value)).Append("</").Append(element.Name.LocalName).Append(">\n");
            return;
        }
        text.Append(">\n");
        if (depth == 0 && spacedChildren.Length > 0) text.Append('\n');
        foreach (var child in children)
        {
            Append(text, child, depth + 1, []);
            if (depth == 0 && spacedChildren.Contains(child.Name.LocalName)) text.Append('\n');
        }
        text.Append(' ', depth * IndentUnit.Length).Append("</").Append(element.Name.LocalName).Append(">\n");
    }
}
