using System.Buffers;
using System.Text;

namespace DomainLauncher.Drivers.Qemu.Output;

/// <summary>
/// Quotes one word for a POSIX shell the way libvirt writes command lines (and so the corpus
/// <c>.args</c> files): a word without shell metacharacters is written as is; any other word is
/// wrapped in single quotes, a single quote inside becoming <c>'\''</c>; the empty word is <c>''</c>.
/// </summary>
public static class ShellQuoting
{
    // Exactly the characters libvirt quotes for. Notably '=', ',', ':', '%', '+', '@', '-' and '/' are safe.
    private static readonly SearchValues<char> Metacharacters = SearchValues.Create("\r\t\n !\"#$&'()*;<>?[\\]^`{|}~");

    public static bool NeedsQuoting(string word) => word.Length == 0 || word.AsSpan().ContainsAny(Metacharacters);

    public static string Quote(string word)
    {
        if (!NeedsQuoting(word)) return word;
        var quoted = new StringBuilder(word.Length + 2);
        quoted.Append('\'');
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '\'') quoted.Append("'\\'");
            quoted.Append(c);
            // A backslash right before a newline would read as a line continuation in .args files;
            // closing and reopening the quotes between them keeps both characters for the shell too.
            if (c == '\\' && i + 1 < word.Length && word[i + 1] == '\n') quoted.Append("''");
        }
        return quoted.Append('\'').ToString();
    }
}
