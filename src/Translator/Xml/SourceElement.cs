using System.Collections.Immutable;

namespace DomainLauncher.Translator.Xml;

/// <summary>
/// An element as read from the document: name, attributes, child elements and its own text, each
/// with its line and column. This small immutable tree is what every parser reads; it is built
/// once by <see cref="SafeXmlLoader"/>, which owns all protection against hostile input.
/// </summary>
public sealed class SourceElement
{
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
    }

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
        // Lengths first: most attributes walked past have names of another length, and cost no call to String.Equals.
        for (var i = 0; i < attributes.Length; i++)
            if (attributes[i].LocalName.Length == localName.Length && attributes[i].LocalName == localName && attributes[i].NamespaceUri.Length == 0)
                return attributes[i];
        return null;
    }
}
