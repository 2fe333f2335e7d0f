using System.Text;

namespace DomainLauncher.Translator.Writing;

/// <summary>
/// Escapes values for every XML document the tool writes. <see cref="Escape"/> is libvirt's rule,
/// used for documents built from what a host reports (capabilities): the five XML specials become
/// entities (so the value is safe in single- or double-quoted attributes and in text) and characters
/// XML 1.0 cannot carry (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF and
/// lone surrogates) are dropped, so the document stays well-formed. <see cref="EscapeText"/> and
/// <see cref="EscapeAttribute"/> are the domain writer's exact rules: a value read back by an XML
/// reader is the value written (a reader turns a raw carriage return into a newline, and tab,
/// newline and carriage return in an attribute into spaces, so those are written as character
/// references). The domain writer refuses values XML cannot carry before escaping (see
/// <see cref="XmlCharacters"/>), so nothing of a domain is dropped.
/// </summary>
public static class XmlEscaping
{
    public static string Escape(string value) => EscapeAs(value, attribute: false, exact: false);

    /// <summary>Element content that reads back exactly.</summary>
    public static string EscapeText(string value) => EscapeAs(value, attribute: false, exact: true);

    /// <summary>An attribute value (single- or double-quoted) that reads back exactly.</summary>
    public static string EscapeAttribute(string value) => EscapeAs(value, attribute: true, exact: true);

    private static string EscapeAs(string value, bool attribute, bool exact)
    {
        if (value.AsSpan().IndexOfAny("<>&'\"\t\n\r") < 0 && XmlCharacters.FirstUnrepresentable(value) < 0) return value;
        var escaped = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '&': escaped.Append("&amp;"); break;
                case '\'': escaped.Append("&apos;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\r' when exact: escaped.Append("&#13;"); break;
                case '\n' when exact && attribute: escaped.Append("&#10;"); break;
                case '\t' when exact && attribute: escaped.Append("&#9;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        escaped.Append(c).Append(value[++i]);
                    }
                    else if (XmlCharacters.IsCharacter(c))
                    {
                        escaped.Append(c);
                    }
                    break;
            }
        }
        return escaped.ToString();
    }
}
