using System.Runtime.CompilerServices;
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
    private readonly ParseTables _tables;

    public ParseContext(string file, DiagnosticBag? diagnostics = null)
    {
        File = file;
        Diagnostics = diagnostics ?? new DiagnosticBag();
        _tables = ParseTables.Take();
    }

    /// <summary>
    /// Hands this parse's tables to the next parse on this thread; call it once everything unread has
    /// been reported. The context reads nothing and reports nothing afterwards.
    /// </summary>
    public void Release() => ParseTables.Give(_tables);

    public string File { get; }

    public DiagnosticBag Diagnostics { get; }

    public ElementReader Root(SourceElement root) => new(root, root.LocalName, this);

    // These four are inlined into ElementReader: a parser marks or asks one for every element, attribute and name it looks at.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void MarkRead(SourceElement element) => _tables.Elements.Set(element.Index, ParseTables.Read);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void MarkRead(SourceAttribute attribute) => _tables.Attributes.Set(attribute.Index, ParseTables.Read);

    internal void MarkUnread(SourceElement element) => _tables.Elements.Clear(element.Index, ParseTables.Read);

    private bool IsRead(SourceElement element) => _tables.Elements.Has(element.Index, ParseTables.Read);

    private bool IsRead(SourceAttribute attribute) => _tables.Attributes.Has(attribute.Index, ParseTables.Read);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AskedForAttribute(SourceElement element, string name) => _tables.AskedAttributes.Add((element.Index, name));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AskedForChild(SourceElement element, string name) => _tables.AskedChildren.Add((element.Index, name));

    private static string Suggestion(List<(int Element, string Name)> asked, SourceElement element, string given)
    {
        HashSet<string>? names = null;
        foreach (var (askedOf, name) in asked)
            if (askedOf == element.Index) (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        return names is null ? "" : NameSuggestions.DidYouMean(given, names.Order(StringComparer.Ordinal), max: 2);
    }

    /// <summary>Marks a whole subtree as understood (content carried verbatim, such as metadata).</summary>
    internal void MarkOpaque(SourceElement element)
    {
        _tables.Elements.Set(element.Index, ParseTables.Read | ParseTables.Opaque);
    }

    /// <summary>Warns about every element and attribute under <paramref name="root"/> that no parser read.</summary>
    public void ReportUnread(SourceElement root) => ReportUnread(root, root.LocalName);

    private void ReportUnread(SourceElement element, string path)
    {
        // Paths (and the sibling counts they need) are made only on the way to something to report.
        if (!HasUnread(element)) return;
        foreach (var attribute in element.Attributes)
        {
            if (IsRead(attribute)) continue;
            Diagnostics.Warning(DiagnosticCatalog.UnknownAttribute,
                new SourceLocation(File, attribute.Line, attribute.Column, path),
                $"unknown attribute '{attribute.LocalName}' ignored{Suggestion(_tables.AskedAttributes, element, attribute.LocalName)}");
        }
        foreach (var (child, childPath) in ElementReader.ChildPaths(element, path))
        {
            if (IsRead(child))
                ReportUnread(child, childPath);
            else
                Diagnostics.Warning(DiagnosticCatalog.UnknownElement,
                    new SourceLocation(File, child.Line, child.Column, childPath),
                    $"unknown element <{child.LocalName}> ignored{Suggestion(_tables.AskedChildren, element, child.LocalName)}");
        }
    }

    /// <summary>Whether anything in this read element's subtree went unread (an opaque one has nothing unread).</summary>
    private bool HasUnread(SourceElement element)
    {
        if (_tables.Elements.Has(element.Index, ParseTables.Opaque)) return false;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
            if (!IsRead(attributes[i])) return true;
        var children = element.Children;
        for (var i = 0; i < children.Length; i++)
            if (!IsRead(children[i]) || HasUnread(children[i])) return true;
        return false;
    }
}
