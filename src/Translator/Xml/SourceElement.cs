using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace DomainLauncher.Translator.Xml;

/// <summary>
/// An element as read from the document: name, attributes, child elements and its own text, each
/// with its line and column. This small immutable tree is what every parser reads; it is built
/// once by <see cref="SafeXmlLoader"/>, which owns all protection against hostile input.
/// </summary>
public sealed class SourceElement
{
    // Inlined into the one place that builds elements (PendingElement.Build), as it was before it had a loop.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SourceElement(
        string localName, string namespaceUri, int line, int column,
        ImmutableArray<SourceAttribute> attributes, ImmutableArray<SourceElement> children, string text, int index)
    {
        Index = index;
        LocalName = localName;
        NamespaceUri = namespaceUri;
        Line = line;
        Column = column;
        Attributes = attributes;
        Children = children;
        Text = text;
        foreach (var child in children.AsSpan()) _childNames |= NameBit(child.LocalName);
    }

    // A bit for each of the children's local names (see NameBit): parsers ask every element for many names it does not
    // have (a domain has a few dozen children and is asked for several dozen names), and each such question was a walk
    // over all its children. The bits tell most of them apart with one test; a set bit means only that the walk is needed.
    private readonly ulong _childNames;

    /// <summary>Whether a child may have this local name: false means none has (true, that one may).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayHaveChild(string localName) => (_childNames & NameBit(localName)) != 0;

    /// <summary>One of 64 bits for a name, from its length and its first and last characters (inlined: a few instructions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NameBit(string name) =>
        name.Length == 0 ? 1UL : 1UL << (int)((uint)(name.Length * 37 + name[0] * 11 + name[^1]) & 63);

    public string LocalName { get; }

    public string NamespaceUri { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The element's place among the document's elements, counted from 0 in document order (start tags).</summary>
    public int Index { get; }

    // Arrays, not interfaces: the parsers walk these lists for every name they look up, and an
    // interface call per count and per item is most of what such a walk costs.
    public ImmutableArray<SourceAttribute> Attributes { get; }

    public ImmutableArray<SourceElement> Children { get; }

    /// <summary>The concatenated text and CDATA directly inside this element (not its children's).</summary>
    public string Text { get; }

    public SourceAttribute? Attribute(string localName)
    {
        var attributes = Attributes;
        // Lengths and first characters first: most attributes walked past differ in one of them, and cost no call to String.Equals.
        for (var i = 0; i < attributes.Length; i++)
        {
            var name = attributes[i].LocalName;
            if (name.Length == localName.Length && (name.Length == 0 || name[0] == localName[0]) && name == localName
                && attributes[i].NamespaceUri.Length == 0)
                return attributes[i];
        }
        return null;
    }
}
