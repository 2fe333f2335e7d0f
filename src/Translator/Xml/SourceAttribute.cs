namespace DomainLauncher.Translator.Xml;

/// <summary>An attribute as read from the document, with where it stood.</summary>
public sealed record SourceAttribute(string LocalName, string NamespaceUri, string Value, int Line, int Column);
