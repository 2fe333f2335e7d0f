namespace DomainLauncher.Translator.Diagnostics;

/// <summary>
/// Locations as keys, equal as <see cref="SourceLocation"/> says, hashed by line and column only: a location whose path
/// is made when asked is not made to make it for its hash (an element's start is its own in a document), and the file's
/// name, the same for a document's every location, is not hashed again for each.
/// </summary>
public sealed class SourceLocationPlaces : IEqualityComparer<SourceLocation>
{
    public static SourceLocationPlaces Comparer { get; } = new();

    private SourceLocationPlaces()
    {
    }

    public bool Equals(SourceLocation x, SourceLocation y) => x.Equals(y);

    public int GetHashCode(SourceLocation location) => HashCode.Combine(location.Line, location.Column);
}
