using System.Text;
using System.Xml.Linq;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// The one place that knows XML syntax for the capabilities writers: libvirt's layout (two spaces
/// per level, attributes in single quotes, an element with nothing inside closed as <c>&lt;x/&gt;</c>,
/// text on the element's line) and escaping. (The domain XML writer in the Translator has the same
/// rules for its own tree type; both escape with <see cref="XmlEscaping"/>.)
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

    private static void Append(StringBuilder text, XElement element, int depth, string[] spacedChildren)
    {
        text.Append(' ', depth * IndentUnit.Length).Append('<').Append(element.Name.LocalName);
        foreach (var attribute in element.Attributes())
            text.Append(' ').Append(attribute.Name.LocalName).Append("='").Append(XmlEscaping.Escape(attribute.Value)).Append('\'');
        var children = element.Elements().ToList();
        if (children.Count == 0)
        {
            if (element.IsEmpty) text.Append("/>\n");
            else text.Append('>').Append(XmlEscaping.Escape(element.Value)).Append("</").Append(element.Name.LocalName).Append(">\n");
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
