using DomainLauncher.Drivers.Qemu.Capabilities;
namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// Finds QEMU binaries on PATH: <c>qemu-system-*</c>, <c>qemu-kvm</c> and <c>kvm</c>, executable
/// files only, each binary once (a symlink such as <c>kvm</c> to <c>qemu-system-x86_64</c> is the same binary).
/// </summary>
public static class EmulatorDiscovery
{
    /// <summary>
    /// The emulators on <paramref name="path"/> (a PATH value), best first: a <c>qemu-system-TARGET</c>
    /// named after a known target, then other <c>qemu-system-*</c> variants, then <c>qemu-kvm</c>, then
    /// <c>kvm</c>; within a rank, PATH order. The first per arch is the one the documents use.
    /// </summary>
    public static IReadOnlyList<string> Find(string? path)
    {
        var found = new List<(int Rank, int Folder, string Path)>();
        var folders = (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < folders.Length; i++)
        {
            IEnumerable<string> files;
            try { files = Directory.Exists(folders[i]) ? Directory.EnumerateFiles(folders[i]) : []; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var file in files)
                if (Rank(System.IO.Path.GetFileName(file)) is { } rank && IsExecutable(file))
                    found.Add((rank, i, file));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. found.OrderBy(f => f.Rank).ThenBy(f => f.Folder).ThenBy(f => f.Path, StringComparer.Ordinal)
            .Where(f => seen.Add(RealPath(f.Path)))
            .Select(f => f.Path)];
    }

    /// <summary>
    /// The emulator for guests of <paramref name="arch"/> (libvirt's name), as libvirt picks the one for
    /// <c>virsh domcapabilities</c> without <c>--emulatorbin</c>: the first <c>qemu-system-TARGET</c> on
    /// PATH, and for the host's own arch else the first <c>qemu-kvm</c>, else <c>kvm</c>. Null when PATH has none.
    /// Looked for by name, folder after folder: listing every folder (<see cref="Find"/>) costs a PATH of
    /// many programs thousands of system calls, one per symbolic link at least.
    /// </summary>
    public static string? DefaultFor(string arch, string hostArch, string? path)
    {
        var folders = (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return FirstNamed(folders, "qemu-system-" + GuestArchitectures.QemuTargetOf(arch))
            ?? (arch == hostArch ? FirstNamed(folders, "qemu-kvm") ?? FirstNamed(folders, "kvm") : null);
    }

    private static string? FirstNamed(string[] folders, string name)
    {
        foreach (var folder in folders)
        {
            var file = System.IO.Path.Combine(folder, name);
            if (File.Exists(file) && IsExecutable(file)) return file;
        }
        return null;
    }

    private static int? Rank(string name) => name switch
    {
        _ when name.StartsWith("qemu-system-", StringComparison.Ordinal) =>
            GuestArchitectures.FromQemuTarget(name.AsSpan("qemu-system-".Length)) is null ? 1 : 0,
        "qemu-kvm" => 2,
        "kvm" => 3,
        _ => null,
    };

    private static bool IsExecutable(string file)
    {
        try
        {
            return !OperatingSystem.IsWindows()
                && (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The file a path finally names: the folder's links resolved (PATH often holds both /bin and
    /// /usr/bin, one a link to the other), then the file's own links (kvm to qemu-system-x86_64).
    /// </summary>
    private static string RealPath(string file)
    {
        try
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file)) ?? "/";
            var realFolder = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? folder;
            var inRealFolder = System.IO.Path.Combine(realFolder, System.IO.Path.GetFileName(file));
            return File.ResolveLinkTarget(inRealFolder, returnFinalTarget: true)?.FullName ?? inRealFolder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return file;
        }
    }
}
