using System.Globalization;
using System.Text;

namespace DomainLauncher.Drivers.Xen.Sexpr;

/// <summary>
/// Writes an S-expression tree as xend reads it, on one line. The only code that knows the syntax:
/// <list type="bullet">
/// <item>a list is <c>(</c>, its items, <c>)</c>; two lists side by side are written with nothing
/// between them (<c>(name 'x')(memory 4)</c>), any other neighbours with one space;</item>
/// <item>a quoted string is <c>'text'</c>;</item>
/// <item>a symbol is written bare only when it is a plain word (see <see cref="IsPlainWord"/>);
/// any other symbol is written as a quoted string, which xend reads as the same value: in a bare
/// atom xend ends the word at a space, a parenthesis, a quote or <c>;</c> and takes a backslash as
/// is, so a bare atom built from input could end early and add lists of its own;</item>
/// <item>inside quoted strings a backslash and a single quote are escaped with a
/// backslash (<c>'/root/\'\\x'</c>): xend's reader takes a backslash as "the next character as is";</item>
/// <item>numbers are decimal, or <c>0x</c> and lower-case hex digits padded to a width.</item>
/// </list>
/// </summary>
public static class SexprWriter
{
    public static string Write(SexprNode node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    /// <summary>
    /// Whether a symbol can be written bare: not empty, and only ASCII letters, digits and
    /// <c>_ - . / : , @ + =</c> (the characters of keywords, paths and character device strings
    /// such as <c>tcp:host:9999,server,nowait</c> or <c>udp:a:1@b:2</c>).
    /// </summary>
    public static bool IsPlainWord(string text)
    {
        if (text.Length == 0) return false;
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or ',' or '@' or '+' or '=')) return false;
        return true;
    }

    /// <summary>Escapes a backslash and a single quote with a backslash; everything else is kept.</summary>
    public static string Escape(string text)
    {
        if (text.IndexOfAny(['\\', '\'']) < 0) return text;
        var escaped = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '\\' or '\'') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// The inverse of <see cref="Escape"/>, for text written by it and read back (an xm config's
    /// character device strings): a backslash takes the next character as is.
    /// </summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var unescaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length) i++;
            unescaped.Append(text[i]);
        }
        return unescaped.ToString();
    }

    private static void Write(SexprNode node, StringBuilder text)
    {
        switch (node)
        {
            case SexprList list:
                text.Append('(');
                for (var i = 0; i < list.Items.Length; i++)
                {
                    if (i > 0 && !(list.Items[i - 1] is SexprList && list.Items[i] is SexprList)) text.Append(' ');
                    Write(list.Items[i], text);
                }
                text.Append(')');
                break;
            case SexprSymbol symbol when IsPlainWord(symbol.Text):
                text.Append(symbol.Text);
                break;
            case SexprSymbol symbol:
                text.Append('\'').Append(Escape(symbol.Text)).Append('\'');
                break;
            case SexprString quoted:
                text.Append('\'').Append(Escape(quoted.Text)).Append('\'');
                break;
            case SexprNumber { HexDigits: { } digits } hex:
                text.Append("0x").Append(hex.Value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                break;
            case SexprNumber number:
                text.Append(number.Value.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException($"unknown S-expression node {node.GetType().Name}");
        }
    }
}
