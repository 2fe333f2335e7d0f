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
                $"unknown attribute '{attribute.LocalName}' ignored");
        }
        foreach (var (child, childPath) in ElementReader.ChildPaths(element, path))
        {
            if (_readElements.Contains(child))
                ReportUnread(child, childPath);
            else
                Diagnostics.Warning(DiagnosticCatalog.UnknownElement,
                    new SourceLocation(File, child.Line, child.Column, childPath),
                    $"unknown element <{child.LocalName}> ignored");
        }
    }
}
