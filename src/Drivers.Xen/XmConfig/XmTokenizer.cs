using System.Text;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Xen.XmConfig;

internal enum XmTokenKind { Name, Equals, String, Integer, OpenBracket, CloseBracket, Comma, Semicolon, Newline, Other, End }

/// <summary>One token of an xm config file, with where it starts.</summary>
internal sealed record XmToken(XmTokenKind Kind, string Text, SourceLocation Location)
{
    /// <summary>How a message names this token: <c>'os'</c>, <c>the end of the line</c>...</summary>
    public string Describe() => Kind switch
    {
        XmTokenKind.Newline => "the end of the line",
        XmTokenKind.End => "the end of the file",
        XmTokenKind.String => $"the string \"{Text}\"",
        _ => $"'{Text}'",
    };
}

/// <summary>
/// Splits xm config text into tokens. Comments run from <c>#</c> to the end of the line; strings
/// have no escapes; an unterminated string becomes an error token that the grammar reports.
/// </summary>
internal static class XmTokenizer
{
    public static IReadOnlyList<XmToken> Tokenize(string text, string sourceName)
    {
        var tokens = new List<XmToken>();
        int at = 0, line = 1, lineStart = 0;
        SourceLocation Here(int position) => new(sourceName, line, position - lineStart + 1, "");

        while (at < text.Length)
        {
            var c = text[at];
            if (c == '\n')
            {
                tokens.Add(new XmToken(XmTokenKind.Newline, "\n", Here(at)));
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
                tokens.Add(new XmToken(XmTokenKind.Name, text[start..at], Here(start)));
            }
            else if (char.IsAsciiDigit(c) || ((c is '-' or '+') && at + 1 < text.Length && char.IsAsciiDigit(text[at + 1])))
            {
                var start = at;
                at++;
                while (at < text.Length && char.IsAsciiDigit(text[at])) at++;
                // 0x10, 1.5, 3e4: not an integer this reader accepts.
                if (at < text.Length && (char.IsAsciiLetter(text[at]) || text[at] == '.' || text[at] == '_'))
                {
                    while (at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] is '.' or '_')) at++;
                    tokens.Add(new XmToken(XmTokenKind.Other, text[start..at], Here(start)));
                }
                else tokens.Add(new XmToken(XmTokenKind.Integer, text[start..at], Here(start)));
            }
            else if (c is '"' or '\'')
            {
                var startLine = line;
                var startColumn = at - lineStart + 1;
                var triple = c == '"' && at + 2 < text.Length && text[at + 1] == '"' && text[at + 2] == '"';
                var quote = triple ? "\"\"\"" : c.ToString();
                at += quote.Length;
                var content = new StringBuilder();
                var closed = false;
                while (at < text.Length)
                {
                    if (string.CompareOrdinal(text, at, quote, 0, quote.Length) == 0)
                    {
                        at += quote.Length;
                        closed = true;
                        break;
                    }
                    if (text[at] == '\n')
                    {
                        if (!triple) break;
                        line++;
                        lineStart = at + 1;
                    }
                    content.Append(text[at]);
                    at++;
                }
                var location = new SourceLocation(sourceName, startLine, startColumn, "");
                tokens.Add(closed
                    ? new XmToken(XmTokenKind.String, content.ToString(), location)
                    : new XmToken(XmTokenKind.Other, $"{quote} (a string that is never closed)", location));
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
                tokens.Add(new XmToken(kind, c.ToString(), Here(at)));
                at++;
            }
        }
        tokens.Add(new XmToken(XmTokenKind.End, "", Here(at)));
        return tokens;
    }
}
