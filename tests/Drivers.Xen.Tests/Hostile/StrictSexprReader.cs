using System.Text;

namespace DomainLauncher.Drivers.Xen.Tests.Hostile;

/// <summary>An S-expression as xend's reader sees it: a list, or an atom (bare or quoted: xend makes both a string).</summary>
internal abstract record SexprValue;

internal sealed record SexprListValue(IReadOnlyList<SexprValue> Items) : SexprValue
{
    public string? Name => Items.Count > 0 && Items[0] is SexprAtomValue a ? a.Text : null;

    /// <summary>Every list, at any depth, whose name is <paramref name="name"/>.</summary>
    public IEnumerable<SexprListValue> Descendants(string name)
    {
        foreach (var item in Items.OfType<SexprListValue>())
        {
            if (item.Name == name) yield return item;
            foreach (var inner in item.Descendants(name)) yield return inner;
        }
    }
}

internal sealed record SexprAtomValue(string Text, bool Quoted) : SexprValue;

/// <summary>
/// A strict reader of the S-expression syntax as xend's parser reads it, for tests: a bare atom
/// ends at whitespace, a parenthesis, a quote or <c>;</c> and takes a backslash as is; a quoted
/// atom (<c>'...'</c> or <c>"..."</c>) takes a backslash escape (<c>\\ \' \"</c> and the C
/// letters). Strict: exactly one expression, balanced, nothing after it; anything else throws.
/// </summary>
internal static class StrictSexprReader
{
    public static SexprValue Read(string text)
    {
        var at = 0;
        var value = ReadValue(text, ref at, 0);
        SkipSpace(text, ref at);
        if (at != text.Length) throw new FormatException($"text after the expression at {at}: {text[at..]}");
        return value;
    }

    private static void SkipSpace(string text, ref int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
    }

    private static SexprValue ReadValue(string text, ref int at, int depth)
    {
        if (depth > 64) throw new FormatException("nested too deeply");
        SkipSpace(text, ref at);
        if (at >= text.Length) throw new FormatException("unexpected end");
        var c = text[at];
        if (c == '(')
        {
            at++;
            var items = new List<SexprValue>();
            while (true)
            {
                SkipSpace(text, ref at);
                if (at >= text.Length) throw new FormatException("unclosed list");
                if (text[at] == ')')
                {
                    at++;
                    return new SexprListValue(items);
                }
                items.Add(ReadValue(text, ref at, depth + 1));
            }
        }
        if (c == ')') throw new FormatException($"unexpected ')' at {at}");
        if (c is '\'' or '"') return ReadQuoted(text, ref at);
        if (c == ';') throw new FormatException($"a comment at {at}");
        var start = at;
        while (at < text.Length && !char.IsWhiteSpace(text[at]) && text[at] is not ('(' or ')' or '\'' or '"' or ';')) at++;
        return new SexprAtomValue(text[start..at], Quoted: false);
    }

    private static SexprAtomValue ReadQuoted(string text, ref int at)
    {
        var quote = text[at++];
        var value = new StringBuilder();
        while (true)
        {
            if (at >= text.Length) throw new FormatException("unclosed string");
            var c = text[at++];
            if (c == quote) return new SexprAtomValue(value.ToString(), Quoted: true);
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (at >= text.Length) throw new FormatException("unclosed string after a backslash");
            var e = text[at++];
            value.Append(e switch
            {
                'a' => "\a", 'b' => "\b", 't' => "\t", 'n' => "\n", 'v' => "\v", 'f' => "\f", 'r' => "\r",
                '\\' or '\'' or '"' => e.ToString(),
                _ => "\\" + e,
            });
        }
    }
}
