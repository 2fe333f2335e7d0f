using System.Collections.Immutable;

namespace DomainLauncher.Translator.Writing;

/// <summary>A piece of the document being written: an attribute or an element.</summary>
internal abstract record XmlNode
{
    private protected XmlNode() { }
}

/// <summary>An attribute with its value as it will appear, before escaping.</summary>
internal sealed record XmlAttribute(string Name, string Value) : XmlNode;

/// <summary>
/// An element: attributes in output order, then either text content or child elements. Built by
/// the section writers through <see cref="XmlTree"/>; turned into text only by <see cref="XmlTextFormatter"/>.
/// </summary>
internal sealed record XmlElement(string Name) : XmlNode
{
    public ImmutableArray<XmlAttribute> Attributes { get; init; } = [];
    public ImmutableArray<XmlElement> Children { get; init; } = [];

    /// <summary>Text content; an element with text has no children.</summary>
    public string? Text { get; init; }

    /// <summary>Written as an open and a close tag even with nothing inside (libvirt's <c>&lt;devices&gt;</c>).</summary>
    public bool AlwaysOpen { get; init; }

    public bool IsEmpty => Attributes.IsEmpty && Children.IsEmpty && Text is null;
}
