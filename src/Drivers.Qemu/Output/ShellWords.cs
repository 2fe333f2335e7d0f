using System.Collections.Immutable;
using System.Text;

namespace DomainLauncher.Drivers.Qemu.Output;

/// <summary>
/// Splits a command text (such as a corpus <c>.args</c> file) into the words a POSIX shell would
/// pass, so expected and actual command lines compare as word lists, whatever their quoting or
/// line breaks. Supports what such files use: blanks between words, single quotes (all literal),
/// double quotes (backslash escapes only <c>$ ` " \</c>), and backslash escapes outside quotes.
/// No expansion of any kind is done.
/// </summary>
public static class ShellWords
{
    /// <summary>
    /// Joins continued lines as the corpus defines them: every backslash-newline pair is removed,
    /// nothing else changes (inside quotes too). Trailing newlines are dropped.
    /// </summary>
    public static string JoinContinuationLines(string text) =>
        text.Replace("\\\r\n", "", StringComparison.Ordinal).Replace("\\\n", "", StringComparison.Ordinal).TrimEnd('\n', '\r');

    /// <summary>Joins continuation lines, then splits into words.</summary>
    public static ShellWordsResult Split(string text)
    {
        text = JoinContinuationLines(text);
        var words = ImmutableArray.CreateBuilder<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord) words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                    break;
                case '\'':
                {
                    var end = text.IndexOf('\'', i + 1);
                    if (end < 0) return Unterminated("single", i);
                    word.Append(text, i + 1, end - i - 1);
                    i = end;
                    inWord = true;
                    break;
                }
                case '"':
                {
                    var start = i;
                    for (i++; ; i++)
                    {
                        if (i >= text.Length) return Unterminated("double", start);
                        if (text[i] == '"') break;
                        if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '$' or '`' or '"' or '\\')
                            i++;
                        word.Append(text[i]);
                    }
                    inWord = true;
                    break;
                }
                case '\\':
                    if (i + 1 < text.Length) word.Append(text[++i]);
                    inWord = true;
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        if (inWord) words.Add(word.ToString());
        return new ShellWordsResult(words.ToImmutable(), null);
    }

    private static ShellWordsResult Unterminated(string kind, int offset) =>
        new([], $"unterminated {kind} quote starting at offset {offset}");
}
