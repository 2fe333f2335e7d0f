using System.Globalization;
using System.Text;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// Reads a CPU set (<c>0-3,^2,8</c>: numbers, ranges, exclusions) and writes it back in the
/// canonical form xend is given: ascending, ranges merged (<c>0-1,3,8</c>).
/// </summary>
internal static class CpuSetFormat
{
    /// <summary>The largest CPU number accepted (the reference's bitmap size).</summary>
    public const int MaxCpu = 4095;

    /// <summary>The canonical text, or null when <paramref name="text"/> is not a CPU set.</summary>
    public static string? Canonical(string text)
    {
        var set = Parse(text);
        return set is null ? null : Format(set);
    }

    public static SortedSet<int>? Parse(string text)
    {
        var set = new SortedSet<int>();
        var any = false;
        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            if (item.Length == 0) return null;
            if (item[0] == '^')
            {
                if (!TryCpu(item[1..], out var excluded)) return null;
                set.Remove(excluded);
                continue;
            }
            var dash = item.IndexOf('-');
            if (dash < 0)
            {
                if (!TryCpu(item, out var cpu)) return null;
                set.Add(cpu);
            }
            else
            {
                if (!TryCpu(item[..dash], out var first) || !TryCpu(item[(dash + 1)..], out var last) || last < first) return null;
                for (var cpu = first; cpu <= last; cpu++) set.Add(cpu);
            }
            any = true;
        }
        return any ? set : null;
    }

    public static string Format(SortedSet<int> set)
    {
        var text = new StringBuilder();
        int? start = null, previous = null;
        void Flush()
        {
            if (start is null) return;
            if (text.Length > 0) text.Append(',');
            text.Append(start.Value.ToString(CultureInfo.InvariantCulture));
            if (previous != start) text.Append('-').Append(previous!.Value.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var cpu in set)
        {
            if (previous is { } p && cpu == p + 1) { previous = cpu; continue; }
            Flush();
            start = previous = cpu;
        }
        Flush();
        return text.ToString();
    }

    private static bool TryCpu(string text, out int cpu) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out cpu) && cpu <= MaxCpu;
}
