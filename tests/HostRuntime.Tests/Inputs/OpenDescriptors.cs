namespace DomainLauncher.HostRuntime.Tests.Inputs;

/// <summary>This process's open descriptors, told apart by what they are open on (their /proc/self/fd link).</summary>
internal static class OpenDescriptors
{
    /// <summary>How many descriptors are open on something <paramref name="isCounted"/> accepts (a path, or e.g. <c>anon_inode:[io_uring]</c>).</summary>
    public static int Count(Func<string, bool> isCounted)
    {
        var count = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            if (new FileInfo(entry).LinkTarget is { } target && isCounted(target)) count++;
        return count;
    }
}
