using System.Text;

namespace DomainLauncher.Drivers.Xen.Tests.Hostile;

/// <summary>Seeded random strings built from the characters that break quoting: separators, quotes, backslashes, brackets, controls, non-characters, non-ASCII.</summary>
internal static class HostileStrings
{
    private static readonly string[] Pieces =
    [
        ",", ":", "'", "\"", "\\", "(", ")", "[", "]", "=", " ", "\n", "\t", "\r", "\0", "\x01", "\x1b", "\x7f", "\u0085",
        "\uFFFE", "\uFFFF", "é", "ß", "中", "😀", "\uD800", "\uDC00", "\\x41", "\\n", "\"\"\"", "'''", ";", "#", "@", "a", "b", "/", "-",
        "import os; os.system('id')", ")))(device (vbd (uname phy:/dev/sda)))",
    ];

    /// <summary>The pieces without a control character, non-character or lone surrogate.</summary>
    private static readonly string[] PrintablePieces = [.. Pieces.Where(p => !p.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') || p == "😀")];

    /// <summary>
    /// <paramref name="count"/> strings of 0 to 12 pieces, the same for the same seed; with
    /// <paramref name="printable"/>, only of pieces an xm file may carry.
    /// </summary>
    public static IEnumerable<string> Generate(int seed, int count, bool printable = false)
    {
        var random = new Random(seed);
        var pieces = printable ? PrintablePieces : Pieces;
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 13);
            for (var j = 0; j < length; j++) text.Append(pieces[random.Next(pieces.Length)]);
            yield return text.ToString();
        }
    }

    /// <summary>The code points of a string as Python sees them: a valid surrogate pair is one, a lone surrogate is itself.</summary>
    public static IEnumerable<int> CodePoints(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yield return char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else yield return text[i];
        }
    }
}
