using System.Globalization;
using System.Text;

namespace DomainLauncher.Drivers.Xen.Planning;

/// <summary>
/// A host CPU set as libvirt writes it (<c>0-3,6,^2</c> read; <c>0-1,3,6</c> written): comma
/// separated CPU numbers and ranges, with <c>^N</c> removing a CPU. Written back in canonical form,
/// as the reference does when it stores the set as a bitmap. Shared by the S-expression and the
/// xm config (both give xend the canonical form).
/// </summary>
internal static class CpuSet
{
    /// <summary>The largest CPU number accepted (the reference's bitmap holds 4096).</summary>
    public const int MaxCpu = 4095;

    public static SortedSet<int>? Parse(string text)
    {
        var set = new SortedSet<int>();
        var any = false;
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            if (part.Length == 0) return null;
            if (part[0] == '^')
            {
                if (!TryCpu(part[1..], out var removed)) return null;
                set.Remove(removed);
                continue;
            }
            var dash = part.IndexOf('-');
            if (dash < 0)
            {
                if (!TryCpu(part, out var cpu)) return null;
                set.Add(cpu);
            }
            else
            {
                if (!TryCpu(part[..dash], out var first) || !TryCpu(part[(dash + 1)..], out var last) || last < first) return null;
                for (var cpu = first; cpu <= last; cpu++) set.Add(cpu);
            }
            any = true;
        }
        return any ? set : null;
    }

    public static string Format(IEnumerable<int> cpus)
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
        foreach (var cpu in cpus.Order())
        {
            if (previous is { } p && cpu == p + 1)
            {
                previous = cpu;
                continue;
            }
            Flush();
            start = previous = cpu;
        }
        Flush();
        return text.ToString();
    }

    /// <summary>The canonical form of a CPU set, or null when it is not one.</summary>
    public static string? Canonical(string text) => Parse(text) is { Count: > 0 } set ? Format(set) : null;

    private static bool TryCpu(string text, out int cpu) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out cpu) && cpu <= MaxCpu;
}
