namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// How much of an xm config the reader takes before refusing it with a located
/// <see cref="XenXmDiagnostics.Limit"/> error. Real files have a few dozen settings, lists one or
/// two levels deep and strings of at most a few hundred characters: every limit is generous, and
/// exists so that a hostile file costs time and memory linear in its size and cannot overflow the stack.
/// </summary>
internal static class XmLimits
{
    /// <summary>Lists inside lists (the parser recurses once per level).</summary>
    public const int MaxDepth = 32;

    /// <summary>Settings in one file.</summary>
    public const int MaxSettings = 10_000;

    /// <summary>Values (strings, integers, lists) in one file, counting every list item.</summary>
    public const int MaxValues = 100_000;

    /// <summary>Characters of one string after its escapes are read.</summary>
    public const int MaxStringLength = 65_536;

    /// <summary>Characters of a setting name (the known ones have at most 13).</summary>
    public const int MaxNameLength = 128;

    /// <summary>Setting names up to this length get a "did you mean" suggestion.</summary>
    public const int MaxSuggestedNameLength = 64;

    /// <summary>Syntax errors reported before the reader stops reading the file.</summary>
    public const int MaxSyntaxErrors = 100;

    /// <summary>Characters of input text a message quotes before cutting it with "...".</summary>
    public const int MaxQuotedLength = 60;

    /// <summary>Text as a message quotes it: cut to <see cref="MaxQuotedLength"/> characters.</summary>
    public static string Shorten(string text) =>
        text.Length <= MaxQuotedLength ? text : text[..MaxQuotedLength] + "...";
}
