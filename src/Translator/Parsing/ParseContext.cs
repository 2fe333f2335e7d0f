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
    private readonly HashSet<SourceElement> _readElements = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SourceAttribute> _readAttributes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SourceElement> _opaque = new(ReferenceEqualityComparer.Instance);
    // What the parsers looked for on each element, found or not: the names that element may carry
    // in the variant the parser chose, and so the names a misspelt one is compared with.
    private readonly Dictionary<SourceElement, HashSet<string>> _askedAttributes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SourceElement, HashSet<string>> _askedChildren = new(ReferenceEqualityComparer.Instance);

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

    internal void AskedForAttribute(SourceElement element, string name) => Asked(_askedAttributes, element).Add(name);

    internal void AskedForChild(SourceElement element, string name) => Asked(_askedChildren, element).Add(name);

    private static HashSet<string> Asked(Dictionary<SourceElement, HashSet<string>> asked, SourceElement element)
    {
        if (!asked.TryGetValue(element, out var names)) asked[element] = names = new HashSet<string>(StringComparer.Ordinal);
        return names;
    }

    private string Suggestion(Dictionary<SourceElement, HashSet<string>> asked, SourceElement element, string given) =>
        asked.TryGetValue(element, out var names) ? NameSuggestions.DidYouMean(given, names.Order(StringComparer.Ordinal), max: 2) : "";

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
        if (_opaque.Contains(element)) return;
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
}
