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
        // Most passes find nothing, or find what they find in document order already: those are copied as they
        // are, with no index array, comparer and closure made for every pass of every document.
        if (InOrder(diagnostics))
        {
            var copy = new List<Diagnostic>(diagnostics.Count);
            for (var i = 0; i < diagnostics.Count; i++) copy.Add(diagnostics[i]);
            return copy;
        }
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

    /// <summary>Whether no diagnostic stands before the one found ahead of it (the sort, being stable, would keep them so).</summary>
    private static bool InOrder(IReadOnlyList<Diagnostic> diagnostics)
    {
        for (var i = 1; i < diagnostics.Count; i++)
        {
            var x = diagnostics[i - 1].Location;
            var y = diagnostics[i].Location;
            if (x.Line > y.Line || (x.Line == y.Line && x.Column > y.Column)) return false;
        }
        return true;
    }
}
