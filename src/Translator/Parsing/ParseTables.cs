using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// The tables one <see cref="ParseContext"/> keeps of what its parsers read and asked for. A batch
/// parses thousands of documents one after the other on a thread: each parse takes the tables the
/// previous one gave back, emptied, instead of allocating (and clearing) its own. Tables a very
/// large document grew are let go rather than kept, so that emptying them stays cheap.
/// </summary>
internal sealed class ParseTables
{
    // Sized for a usual domain document (a few dozen elements and attributes, one to two hundred
    // names asked for): growing a table step by step from empty costs more than the table itself.
    /// <summary>By <see cref="SourceElement.Index"/>: <see cref="Read"/> and <see cref="Opaque"/>.</summary>
    public IndexMarks Elements { get; } = new(128);

    /// <summary>By <see cref="SourceAttribute.Index"/>: <see cref="Read"/>.</summary>
    public IndexMarks Attributes { get; } = new(128);

    /// <summary>A parser read the element or attribute.</summary>
    public const byte Read = 1;

    /// <summary>The element's whole subtree is understood (content carried verbatim).</summary>
    public const byte Opaque = 2;

    // What the parsers looked for on each element, found or not: the names that element may carry
    // in the variant the parser chose, and so the names a misspelt one is compared with.
    // Kept as they come, (element, name) after (element, name): they are looked at only to word the
    // warning about an unknown name, so a document that has none pays no table per element. The
    // element is kept as its index, not the element: these lists outlive many documents, and a
    // reference to a document's element stored in them is a card the GC scans at every collection.
    public List<(int Element, string Name)> AskedAttributes { get; } = new(128);

    public List<(int Element, string Name)> AskedChildren { get; } = new(192);

    /// <summary>A table grown beyond this many entries is not kept for the next document.</summary>
    private const int MaxKeptCapacity = 1024;

    [ThreadStatic] private static ParseTables? t_spare;

    /// <summary>This thread's spare tables, empty, or new ones.</summary>
    public static ParseTables Take()
    {
        var tables = t_spare ?? new ParseTables();
        t_spare = null;
        return tables;
    }

    /// <summary>Empties <paramref name="tables"/> and keeps them for the next parse on this thread.</summary>
    public static void Give(ParseTables tables)
    {
        if (tables.Elements.Capacity > MaxKeptCapacity || tables.Attributes.Capacity > MaxKeptCapacity
            || tables.AskedAttributes.Capacity > MaxKeptCapacity || tables.AskedChildren.Capacity > MaxKeptCapacity)
            return;
        tables.Elements.Clear();
        tables.Attributes.Clear();
        tables.AskedAttributes.Clear();
        tables.AskedChildren.Clear();
        t_spare = tables;
    }
}
