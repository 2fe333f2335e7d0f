namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// The pseudo-terminals a launched guest's QEMU opened, as it named them in the emulator log
/// (<see cref="RunDirectory.LogFile"/>): "char device redirected to /dev/pts/3 (label charserial0)"
/// becomes <c>/dev/pts/3 (charserial0)</c>. None when the log cannot be read.
/// </summary>
public static class GuestPseudoTerminals
{
    private const string Marker = "char device redirected to ";

    public static IReadOnlyList<string> Of(LaunchedGuest guest)
    {
        var directory = RunDirectory.For(Path.GetDirectoryName(guest.RunDirectory) ?? guest.RunDirectory, guest.Name, []);
        if (directory is null) return [];
        string[] lines;
        try { lines = File.ReadAllLines(directory.LogFile); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
        var found = new List<string>();
        foreach (var line in lines)
        {
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0) found.Add(line[(at + Marker.Length)..].Replace("label ", "", StringComparison.Ordinal));
        }
        return found;
    }
}
