using System.Text;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// Left-aligned text columns two spaces apart that fit a width: the columns named as wrapping share
/// what the others leave, each wrapped at spaces (or cut where a word is longer than its column).
/// </summary>
public static class TextColumns
{
    private const int Gap = 2;
    private const int MinimumWrappingWidth = 12;

    public static string Table(IReadOnlyList<string[]> rows, int? width, IReadOnlyList<int> wrapping)
    {
        if (rows.Count == 0) return "";
        var count = rows[0].Length;
        var natural = Enumerable.Range(0, count).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var widths = (int[])natural.Clone();
        var total = widths.Sum() + Gap * (count - 1);
        if (width is { } limit && total > limit)
        {
            var fixedWidth = Enumerable.Range(0, count).Where(i => !wrapping.Contains(i)).Sum(i => natural[i]) + Gap * (count - 1);
            var share = Math.Max(MinimumWrappingWidth * wrapping.Count, limit - fixedWidth);
            // Narrow columns keep their width; the rest is split among the wide ones.
            var open = wrapping.OrderBy(i => natural[i]).ToList();
            while (open.Count > 0)
            {
                var even = share / open.Count;
                var first = open[0];
                widths[first] = Math.Max(MinimumWrappingWidth, Math.Min(natural[first], even));
                share -= widths[first];
                open.RemoveAt(0);
            }
        }
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var cells = Enumerable.Range(0, count).Select(i => Wrap(row[i], widths[i], "").ToList()).ToArray();
            var height = cells.Max(c => c.Count);
            for (var line = 0; line < height; line++)
            {
                var written = new StringBuilder();
                for (var i = 0; i < count; i++)
                {
                    var cell = line < cells[i].Count ? cells[i][line] : "";
                    written.Append(i == count - 1 ? cell : cell.PadRight(widths[i] + Gap));
                }
                text.Append(written.ToString().TrimEnd()).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>Lines of at most <paramref name="width"/> characters; lines after the first start with <paramref name="indent"/>.</summary>
    public static IEnumerable<string> Wrap(string text, int width, string indent)
    {
        if (text.Length <= width)
        {
            yield return text;
            yield break;
        }
        var line = new StringBuilder();
        var prefix = "";
        foreach (var word in text.Split(' '))
        {
            var piece = word;
            while (true)
            {
                var room = width - (line.Length == 0 ? prefix.Length : line.Length + 1);
                if (piece.Length <= room)
                {
                    if (line.Length == 0) line.Append(prefix); else line.Append(' ');
                    line.Append(piece);
                    break;
                }
                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                    prefix = indent;
                    continue;
                }
                // A word longer than the column: cut it.
                var cut = Math.Max(1, width - prefix.Length);
                yield return prefix + piece[..Math.Min(cut, piece.Length)];
                prefix = indent;
                piece = piece[Math.Min(cut, piece.Length)..];
                if (piece.Length == 0) break;
            }
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
