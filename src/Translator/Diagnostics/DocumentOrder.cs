namespace DomainLauncher.Translator.Diagnostics;

/// <summary>
/// Diagnostics in document order: by line, then column; those at the same place keep the order they
/// were found in. A sort of indices rather than LINQ's OrderBy/ThenBy, whose ThenBy is a generic
/// virtual method that a native build resolves at run time, a noticeable cost at a one-shot
/// command's first document.
/// </summary>
public static class DocumentOrder
{
    public static List<Diagnostic> Sort(IReadOnlyList<Diagnostic> diagnostics)
    {
        var order = new int[diagnostics.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var x = diagnostics[a].Location;
            var y = diagnostics[b].Location;
            var byLine = x.Line.CompareTo(y.Line);
            if (byLine != 0) return byLine;
            var byColumn = x.Column.CompareTo(y.Column);
            return byColumn != 0 ? byColumn : a.CompareTo(b);
        });
        var sorted = new List<Diagnostic>(order.Length);
        foreach (var i in order) sorted.Add(diagnostics[i]);
        return sorted;
    }
}
