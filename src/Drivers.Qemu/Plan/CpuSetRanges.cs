using System.Globalization;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Reads a libvirt CPU set (<c>0-3,8,^2</c>: numbers, ranges, exclusions) into its CPUs and writes
/// it back as maximal ranges (<c>0-1,3,8</c>), the way libvirt formats a CPU bitmap.
/// </summary>
internal static class CpuSetRanges
{
    /// <summary>The CPUs in ascending order, or null when the text is not a CPU set.</summary>
    public static SortedSet<uint>? Parse(string text)
    {
        var cpus = new SortedSet<uint>();
        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            var exclude = item.StartsWith('^');
            if (exclude) item = item[1..];
            var dash = item.IndexOf('-');
            if (!Number(dash < 0 ? item : item[..dash], out var first)) return null;
            var last = first;
            if (dash >= 0 && (exclude || !Number(item[(dash + 1)..], out last) || last < first)) return null;
            for (var cpu = first; cpu <= last; cpu++)
            {
                if (exclude) cpus.Remove(cpu);
                else cpus.Add(cpu);
            }
        }
        return cpus;
    }

    /// <summary>The CPUs as ranges: each run of consecutive CPUs as <c>a-b</c> (or <c>a</c>).</summary>
    public static IReadOnlyList<string> Ranges(IEnumerable<uint> cpus)
    {
        var ranges = new List<string>();
        uint? start = null, end = null;
        void Close()
        {
            if (start is not { } s || end is not { } e) return;
            ranges.Add(s == e ? s.ToString(CultureInfo.InvariantCulture) : $"{s.ToString(CultureInfo.InvariantCulture)}-{e.ToString(CultureInfo.InvariantCulture)}");
        }
        foreach (var cpu in cpus)
        {
            if (end is { } previous && cpu == previous + 1) { end = cpu; continue; }
            Close();
            start = end = cpu;
        }
        Close();
        return ranges;
    }

    private static bool Number(string text, out uint value) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value < 4096;
}
