namespace DomainLauncher.Translator.Diagnostics;

/// <summary>
/// Where something came from: a file (or a stand-in such as "&lt;stdin&gt;"), a 1-based line and
/// column, and the element path inside the document (for example <c>domain/devices/disk[2]/target</c>).
/// Line and column are 0 when unknown (for example a whole-file problem).
/// </summary>
public readonly record struct SourceLocation(string File, int Line, int Column, string Path)
{
    /// <summary>A location naming only a file.</summary>
    public static SourceLocation OfFile(string file) => new(file, 0, 0, "");

    /// <summary>The same place with another element path.</summary>
    public SourceLocation WithPath(string path) => this with { Path = path };

    /// <summary><c>FILE:LINE:COL</c>, leaving out what is unknown.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
