namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// Which file a probe result belongs to: the binary's full path, size and modification time. A cached
/// probe is reused only while all three still match the file on disk.
/// </summary>
public sealed record EmulatorBinary(string Path, long Size, DateTimeOffset Modified)
{
    /// <summary>
    /// The binary as it is now on disk, named by its full path; the size and time are those of the file a
    /// symbolic link leads to (an upgrade replaces the target, not the link). Null when
    /// <paramref name="path"/> is not an existing regular file.
    /// </summary>
    public static EmulatorBinary? Stat(string path)
    {
        try
        {
            var full = System.IO.Path.GetFullPath(path);
            var file = new FileInfo(full);
            if (file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target) file = target;
            if (!file.Exists) return null;
            return new EmulatorBinary(full, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
