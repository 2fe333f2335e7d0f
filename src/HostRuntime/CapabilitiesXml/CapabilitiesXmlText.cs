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

    /// <summary>
    /// Where the tree holds a character XML 1.0 cannot carry (a machine or model name, a path from an
    /// emulator's answer), as "U+0001 in &lt;machine&gt;"; null when every value can be written.
    /// </summary>
    public static string? Unrepresentable(XElement root)
    {
        foreach (var element in root.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes())
                if (XmlCharacters.FirstUnrepresentable(attribute.Value) is var at and >= 0)
                    return $"{XmlCharacters.Describe(attribute.Value, at)} in the '{attribute.Name.LocalName}' attribute of <{element.Name.LocalName}>";
            if (!element.HasElements && XmlCharacters.FirstUnrepresentable(element.Value) is var index and >= 0)
                return $"{XmlCharacters.Describe(element.Value, index)} in <{element.Name.LocalName}>";
        }
        return null;
    }

    private static void Append(StringBuilder text, XElement element, int depth, string[] spacedChildren)
    {
        text.Append(' ', depth * IndentUnit.Length).Append('<').Append(element.Name.LocalName);
        foreach (var attribute in element.Attributes())
            text.Append(' ').Append(attribute.Name.LocalName).Append("='").Append(XmlEscaping.EscapeAttribute(attribute.Value)).Append('\'');
        var children = element.Elements().ToList();
        if (children.Count == 0)
        {
            if (element.IsEmpty) text.Append("/>\n");
            else text.Append('>').Append(XmlEscaping.EscapeText(element.Value)).Append("</").Append(element.Name.LocalName).Append(">\n");
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
