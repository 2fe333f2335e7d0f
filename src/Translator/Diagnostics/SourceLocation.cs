namespace DomainLauncher.Translator.Diagnostics;

/// <summary>
/// Where something came from: a file (or a stand-in such as "&lt;stdin&gt;"), a 1-based line and
/// column, and the element path inside the document (for example <c>domain/devices/disk[2]/target</c>).
/// Line and column are 0 when unknown (for example a whole-file problem).
/// </summary>
public readonly record struct SourceLocation
{
    public SourceLocation(string File, int Line, int Column, string Path)
    {
        this.File = File;
        this.Line = Line;
        this.Column = Column;
        _path = Path;
    }

    /// <summary>A location whose path <paramref name="path"/> makes when it is first asked for.</summary>
    internal SourceLocation(string file, int line, int column, IElementPath path)
    {
        File = file;
        Line = line;
        Column = column;
        _path = path;
    }

    public string File { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    // The path as a string, or the element that makes it: most elements' locations are never named in a message, and
    // their paths (a string each, and a walk over the siblings to index it) were ~3M instructions of the 9.0 corpus x2.
    private readonly object? _path;

    /// <summary>The element path (null for a location never given one).</summary>
    public string Path
    {
        get => _path is IElementPath element ? element.Path : (string)_path!;
        init => _path = value;
    }

    /// <summary>A location naming only a file.</summary>
    public static SourceLocation OfFile(string file) => new(file, 0, 0, "");

    /// <summary>The same place with another element path.</summary>
    public SourceLocation WithPath(string path) => this with { Path = path };

    public void Deconstruct(out string File, out int Line, out int Column, out string Path)
    {
        File = this.File;
        Line = this.Line;
        Column = this.Column;
        Path = this.Path;
    }

    /// <summary>Whether the location has a path (an empty one included), told without making it.</summary>
    public bool HasPath => _path is not null;

    // By the path's text, however it is held; two locations of the same element reader have the same path, not made to tell.
    public bool Equals(SourceLocation other) =>
        File == other.File && Line == other.Line && Column == other.Column
        && (ReferenceEquals(_path, other._path) || Path == other.Path);

    public override int GetHashCode() => HashCode.Combine(File, Line, Column, Path);

    /// <summary><c>FILE:LINE:COL</c>, leaving out what is unknown.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
