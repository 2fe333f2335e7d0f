using System.Text;

namespace DomainLauncher.Translator.Writing;

/// <summary>
/// Escapes text or an attribute value as libvirt does, for every XML document the tool writes (domain
/// XML, capabilities): the five XML specials become entities (so the value is safe in single- or
/// double-quoted attributes and in text) and control characters other than tab, newline and carriage
/// return, which XML 1.0 cannot carry, are dropped.
/// </summary>
public static class XmlEscaping
{
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
}
