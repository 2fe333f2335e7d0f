namespace DomainLauncher.Translator.Xml;

/// <summary>
/// An attribute as read from the document, with where it stood; <paramref name="Index"/> is its place among
/// the document's attributes, counted from 0 in document order (what parsers read is marked by it).
/// </summary>
public sealed record SourceAttribute(string LocalName, string NamespaceUri, string Value, int Line, int Column, int Index);
