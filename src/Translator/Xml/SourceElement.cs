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
        IReadOnlyList<SourceAttribute> attributes, IReadOnlyList<SourceElement> children, string text)
    {
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

    public IReadOnlyList<SourceAttribute> Attributes { get; }

    public IReadOnlyList<SourceElement> Children { get; }

    /// <summary>The concatenated text and CDATA directly inside this element (not its children's).</summary>
    public string Text { get; }

    public SourceAttribute? Attribute(string localName)
    {
        // By index: a foreach over the interface would allocate an enumerator per lookup.
        var attributes = Attributes;
        for (var i = 0; i < attributes.Count; i++)
            if (attributes[i].LocalName == localName && attributes[i].NamespaceUri.Length == 0) return attributes[i];
        return null;
    }
}
