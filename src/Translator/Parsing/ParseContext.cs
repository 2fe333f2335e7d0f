using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// State shared by one parse of one document: where it came from, the diagnostics found so far,
/// and which elements and attributes a parser has read. Whatever no parser read is reported once,
/// at the end, as an unknown element or attribute (a warning: newer XML carries newer elements).
/// </summary>
public sealed class ParseContext
{
    // Sized for a usual domain document (a few dozen elements and attributes read, one to two hundred
    // names asked for): growing a table step by step from empty costs more than the table itself.
    private readonly HashSet<SourceElement> _readElements = new(48, ReferenceEqualityComparer.Instance);
    private readonly HashSet<SourceAttribute> _readAttributes = new(64, ReferenceEqualityComparer.Instance);
    private readonly HashSet<SourceElement> _opaque = new(ReferenceEqualityComparer.Instance);
    // What the parsers looked for on each element, found or not: the names that element may carry
    // in the variant the parser chose, and so the names a misspelt one is compared with.
    // Kept as they come, (element, name) after (element, name): they are looked at only to word the
    // warning about an unknown name, so a document that has none pays no table per element.
    private readonly List<(SourceElement Element, string Name)> _askedAttributes = new(128);
    private readonly List<(SourceElement Element, string Name)> _askedChildren = new(192);

    public ParseContext(string file, DiagnosticBag? diagnostics = null)
    {
        File = file;
        Diagnostics = diagnostics ?? new DiagnosticBag();
    }

    public string File { get; }

    public DiagnosticBag Diagnostics { get; }

    public ElementReader Root(SourceElement root) => new(root, root.LocalName, this);

    internal void MarkRead(SourceElement element) => _readElements.Add(element);

    internal void MarkRead(SourceAttribute attribute) => _readAttributes.Add(attribute);

    internal void MarkUnread(SourceElement element) => _readElements.Remove(element);

    internal void AskedForAttribute(SourceElement element, string name) => _askedAttributes.Add((element, name));

    internal void AskedForChild(SourceElement element, string name) => _askedChildren.Add((element, name));

    private static string Suggestion(List<(SourceElement Element, string Name)> asked, SourceElement element, string given)
    {
        HashSet<string>? names = null;
        foreach (var (askedOf, name) in asked)
            if (ReferenceEquals(askedOf, element)) (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        return names is null ? "" : NameSuggestions.DidYouMean(given, names.Order(StringComparer.Ordinal), max: 2);
    }

    /// <summary>Marks a whole subtree as understood (content carried verbatim, such as metadata).</summary>
    internal void MarkOpaque(SourceElement element)
    {
        _readElements.Add(element);
        _opaque.Add(element);
    }

    /// <summary>Warns about every element and attribute under <paramref name="root"/> that no parser read.</summary>
    public void ReportUnread(SourceElement root) => ReportUnread(root, root.LocalName);

    private void ReportUnread(SourceElement element, string path)
    {
        // Paths (and the sibling counts they need) are made only on the way to something to report.
        if (!HasUnread(element)) return;
        foreach (var attribute in element.Attributes)
        {
            if (_readAttributes.Contains(attribute)) continue;
            Diagnostics.Warning(DiagnosticCatalog.UnknownAttribute,
                new SourceLocation(File, attribute.Line, attribute.Column, path),
                $"unknown attribute '{attribute.LocalName}' ignored{Suggestion(_askedAttributes, element, attribute.LocalName)}");
        }
        foreach (var (child, childPath) in ElementReader.ChildPaths(element, path))
        {
            if (_readElements.Contains(child))
                ReportUnread(child, childPath);
            else
                Diagnostics.Warning(DiagnosticCatalog.UnknownElement,
                    new SourceLocation(File, child.Line, child.Column, childPath),
                    $"unknown element <{child.LocalName}> ignored{Suggestion(_askedChildren, element, child.LocalName)}");
        }
    }

    /// <summary>Whether anything in this read element's subtree went unread (an opaque one has nothing unread).</summary>
    private bool HasUnread(SourceElement element)
    {
        if (_opaque.Contains(element)) return false;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Count; i++)
            if (!_readAttributes.Contains(attributes[i])) return true;
        var children = element.Children;
        for (var i = 0; i < children.Count; i++)
            if (!_readElements.Contains(children[i]) || HasUnread(children[i])) return true;
        return false;
    }
}
