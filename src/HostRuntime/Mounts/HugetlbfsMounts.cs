using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.HostRuntime.Mounts;

/// <summary>
/// Where this host has hugetlbfs mounted, read from the kernel's mount table (<c>/proc/mounts</c>), as libvirt finds
/// its huge page folders when qemu.conf names none. The first mount wins (the default page size's, on a systemd
/// host <c>/dev/hugepages</c>).
/// </summary>
public static class HugetlbfsMounts
{
    public const string MountTable = "/proc/mounts";

    /// <summary>The host settings with this host's hugetlbfs mount, unless they already name one.</summary>
    public static HostSettings With(HostSettings host) => NamesOne(host) ? host : host with { HugetlbfsMount = FindOnHost() };

    /// <summary>Whether host settings already say where huge pages go, so this host's mount table is not needed.</summary>
    public static bool NamesOne(HostSettings host) => host.HugetlbfsMount is not null || host.HugepagePath is not null;

    /// <summary>This host's first hugetlbfs mount point, or null (none, or the mount table cannot be read).</summary>
    public static string? FindOnHost() => Find(ReadTable());

    /// <summary>The first hugetlbfs mount point of a mount table's text (the <c>/proc/mounts</c> format), or null.</summary>
    public static string? Find(string? table)
    {
        if (table is null) return null;
        foreach (var line in table.Split('\n'))
        {
            var fields = line.Split(' ');
            if (fields.Length >= 3 && fields[2] == "hugetlbfs") return Unescape(fields[1]);
        }
        return null;
    }

    private static string? ReadTable()
    {
        try { return File.ReadAllText(MountTable); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    // The kernel writes a space, tab, newline or backslash in a mount point as a three-digit octal escape.
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal)) return field;
        var text = new System.Text.StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1, 3))
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else text.Append(field[i]);
        }
        return text.ToString();
    }

    private static bool IsOctal(string text, int start, int count)
    {
        if (start + count > text.Length) return false;
        for (var i = start; i < start + count; i++)
            if (text[i] is < '0' or > '7') return false;
        return true;
    }
}
