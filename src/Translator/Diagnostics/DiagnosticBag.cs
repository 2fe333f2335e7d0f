namespace DomainLauncher.Translator.Diagnostics;

/// <summary>
/// Collects diagnostics while a pass runs, so that every problem is reported, not only the first.
/// </summary>
public sealed class DiagnosticBag
{
    // Made at the first diagnostic: a document goes through several passes that each have a bag, and nearly all of
    // them find nothing.
    private List<Diagnostic>? _items;

    public bool HasErrors { get; private set; }

    public IReadOnlyList<Diagnostic> Items => _items ?? (IReadOnlyList<Diagnostic>)[];

    public void Add(Diagnostic diagnostic)
    {
        (_items ??= []).Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Add(d);
    }

    /// <summary>
    /// What passes hand on is a list, most often empty: walked by index, it costs no enumerator object, and an empty one
    /// no enumeration at all (the runtime's shared empty enumerator is written to at its first use).
    /// </summary>
    public void AddRange(IReadOnlyList<Diagnostic> diagnostics)
    {
        for (var i = 0; i < diagnostics.Count; i++) Add(diagnostics[i]);
    }

    public void Error(DiagnosticCode code, SourceLocation location, string message) =>
        Add(new Diagnostic(code, Severity.Error, message, location));

    public void Warning(DiagnosticCode code, SourceLocation location, string message) =>
        Add(new Diagnostic(code, Severity.Warning, message, location));

    // Most passes find nothing: their list is the shared empty one, not a list made for each pass of each document.
    public IReadOnlyList<Diagnostic> ToList() => _items is null ? [] : [.. _items];
}
