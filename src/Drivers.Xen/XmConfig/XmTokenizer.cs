using System.Globalization;
using System.Text;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen.XmConfig;

internal enum XmTokenKind { Name, Equals, String, Integer, OpenBracket, CloseBracket, Comma, Semicolon, Newline, Other, Refused, End }

/// <summary>
/// One token of an xm config file, with where it starts. A <see cref="XmTokenKind.Refused"/> token
/// is text the tokenizer will not take (a bad escape, a string or name over a limit): its
/// <see cref="Text"/> is the message and <see cref="Refusal"/> the code the grammar reports.
/// </summary>
internal sealed record XmToken(XmTokenKind Kind, string Text, SourceLocation Location)
{
    public DiagnosticCode? Refusal { get; init; }

    /// <summary>How a message names this token: <c>'os'</c>, <c>the end of the line</c>...</summary>
    public string Describe() => Kind switch
    {
        XmTokenKind.Newline => "the end of the line",
        XmTokenKind.End => "the end of the file",
        XmTokenKind.String => $"the string \"{XmLimits.Shorten(Text)}\"",
        _ => $"'{XmLimits.Shorten(Text)}'",
    };
}

/// <summary>
/// Splits xm config text into tokens, one at a time (memory stays bounded whatever the number of
/// lines). Comments run from <c>#</c> to the end of the line. Strings are read as Python reads them
/// (<c>xm create</c> runs the file as Python): <c>\\ \' \" \a \b \f \n \r \t \v</c>, octal
/// <c>\ooo</c>, <c>\xhh</c>, <c>\uXXXX</c>, <c>\UXXXXXXXX</c> and a backslash before a newline are
/// escapes, any other backslash is kept; <c>\N{...}</c> and a truncated escape are refused. An
/// unterminated string becomes an error token that the grammar reports.
/// </summary>
internal static class XmTokenizer
{
    public static IEnumerable<XmToken> Tokenize(string text, string sourceName)
    {
        int at = 0, line = 1, lineStart = 0;

        while (at < text.Length)
        {
            var c = text[at];
            if (c == '\n')
            {
                yield return new XmToken(XmTokenKind.Newline, "\n", new SourceLocation(sourceName, line, at - lineStart + 1, ""));
                at++;
                line++;
                lineStart = at;
            }
            else if (c is ' ' or '\t' or '\r') at++;
            else if (c == '#')
            {
                while (at < text.Length && text[at] != '\n') at++;
            }
            else if (c == '\\' && at + 1 < text.Length && text[at + 1] == '\n')
            {
                // A backslash before the newline joins lines, as in Python.
                at += 2;
                line++;
                lineStart = at;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = at;
                while (at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] == '_')) at++;
                var location = new SourceLocation(sourceName, line, start - lineStart + 1, "");
                yield return at - start <= XmLimits.MaxNameLength
                    ? new XmToken(XmTokenKind.Name, text[start..at], location)
                    : new XmToken(XmTokenKind.Refused,
                        $"a name of {at - start} characters ('{XmLimits.Shorten(text[start..at])}'); names have at most {XmLimits.MaxNameLength}", location)
                    { Refusal = XenXmDiagnostics.Limit };
            }
            else if (char.IsAsciiDigit(c) || ((c is '-' or '+') && at + 1 < text.Length && char.IsAsciiDigit(text[at + 1])))
            {
                var start = at;
                at++;
                while (at < text.Length && char.IsAsciiDigit(text[at])) at++;
                var location = new SourceLocation(sourceName, line, start - lineStart + 1, "");
                // 0x10, 1.5, 3e4: not an integer this reader accepts.
                if (at < text.Length && (char.IsAsciiLetter(text[at]) || text[at] == '.' || text[at] == '_'))
                {
                    while (at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] is '.' or '_')) at++;
                    yield return new XmToken(XmTokenKind.Other, text[start..at], location);
                }
                else yield return new XmToken(XmTokenKind.Integer, text[start..at], location);
            }
            else if (c is '"' or '\'')
            {
                var location = new SourceLocation(sourceName, line, at - lineStart + 1, "");
                var read = ReadString(text, ref at, ref line, ref lineStart);
                yield return read.Problem is null
                    ? new XmToken(XmTokenKind.String, read.Content!, location)
                    : read.Code is null
                        ? new XmToken(XmTokenKind.Other, read.Problem, location)
                        : new XmToken(XmTokenKind.Refused, read.Problem, location) { Refusal = read.Code };
            }
            else
            {
                var kind = c switch
                {
                    '=' => XmTokenKind.Equals,
                    '[' => XmTokenKind.OpenBracket,
                    ']' => XmTokenKind.CloseBracket,
                    ',' => XmTokenKind.Comma,
                    ';' => XmTokenKind.Semicolon,
                    _ => XmTokenKind.Other,
                };
                yield return new XmToken(kind, c.ToString(), new SourceLocation(sourceName, line, at - lineStart + 1, ""));
                at++;
            }
        }
        yield return new XmToken(XmTokenKind.End, "", new SourceLocation(sourceName, line, at - lineStart + 1, ""));
    }

    /// <summary>
    /// A string read from its opening quote: its content, or a problem (with a code when it is
    /// refused, without one when the string is never closed, which the grammar reports as syntax).
    /// </summary>
    private readonly record struct StringRead(string? Content, string? Problem, DiagnosticCode? Code);

    private static StringRead ReadString(string text, ref int at, ref int line, ref int lineStart)
    {
        var c = text[at];
        var triple = at + 2 < text.Length && text[at + 1] == c && text[at + 2] == c;
        var quote = triple ? new string(c, 3) : c.ToString();
        at += quote.Length;
        var content = new StringBuilder();
        string? refused = null;
        while (at < text.Length)
        {
            if (string.CompareOrdinal(text, at, quote, 0, quote.Length) == 0)
            {
                at += quote.Length;
                if (refused is not null) return new StringRead(null, refused, XenXmDiagnostics.Syntax);
                if (content.Length > XmLimits.MaxStringLength)
                    return new StringRead(null, $"a string of {content.Length} characters; strings have at most {XmLimits.MaxStringLength}", XenXmDiagnostics.Limit);
                return new StringRead(content.ToString(), null, null);
            }
            var ch = text[at];
            if (ch == '\n')
            {
                if (!triple) break;
                line++;
                lineStart = at + 1;
            }
            if (ch != '\\')
            {
                // Past the limit, only find the end of the string: the content is refused anyway.
                if (content.Length <= XmLimits.MaxStringLength) content.Append(ch);
                at++;
                continue;
            }
            if (at + 1 >= text.Length) break;
            var escape = ReadEscape(text, at, out var length, out var problem);
            if (text[at + 1] == '\n')
            {
                line++;
                lineStart = at + 2;
            }
            if (problem is not null) refused ??= problem;
            else if (content.Length <= XmLimits.MaxStringLength) content.Append(escape);
            at += length;
        }
        return new StringRead(null, $"{quote} (a string that is never closed)", null);
    }

    /// <summary>The text one escape (starting at the backslash at <paramref name="at"/>) stands for, and how many characters it takes.</summary>
    private static string ReadEscape(string text, int at, out int length, out string? problem)
    {
        problem = null;
        var c = text[at + 1];
        length = 2;
        switch (c)
        {
            case '\n': return "";
            case '\\': return "\\";
            case '\'': return "'";
            case '"': return "\"";
            case 'a': return "\a";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'v': return "\v";
            case 'x': return Hex(text, at, 2, out length, ref problem);
            case 'u': return Hex(text, at, 4, out length, ref problem);
            case 'U': return Hex(text, at, 8, out length, ref problem);
            case 'N':
                problem = "a \\N{...} escape; write the character itself or a \\u escape";
                return "";
            case >= '0' and <= '7':
            {
                var value = 0;
                var end = at + 1;
                while (end < text.Length && end < at + 4 && text[end] is >= '0' and <= '7') value = (value * 8) + (text[end++] - '0');
                length = end - at;
                return ((char)value).ToString();
            }
            default:
                // Python keeps an unknown escape as it is.
                return "\\" + c;
        }
    }

    private static string Hex(string text, int at, int digits, out int length, ref string? problem)
    {
        length = 2 + digits;
        var start = at + 2;
        if (start + digits > text.Length
            || !long.TryParse(text.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || value > 0x10FFFF)
        {
            var end = start;
            while (end < text.Length && end < start + digits && char.IsAsciiHexDigit(text[end])) end++;
            length = Math.Max(2, end - at);
            problem = $"a truncated or out of range \\{text[at + 1]} escape (it needs {digits} hex digits)";
            return "";
        }
        // A lone surrogate is a character Python strings can hold; the reader refuses it later like any non-character.
        return value <= 0xFFFF ? ((char)value).ToString() : char.ConvertFromUtf32((int)value);
    }
}
