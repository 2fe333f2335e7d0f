using System.Text;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// Probe results kept on disk, one profile document per binary, named by a hash of the binary's full
/// path. An entry is used only while the binary's path, size and modification time are those it was
/// recorded for; an entry that cannot be read (corrupt, truncated, from another version) is a miss and
/// is replaced by the next probe. Nothing about the cache is ever fatal: a folder that cannot be
/// written just means the next run probes again.
/// </summary>
public sealed class ProbeCache(string folder)
{
    /// <summary>Environment variable naming the cache folder (tests, CI); it wins over the XDG rule.</summary>
    public const string FolderVariable = "DL_CACHE_DIR";

    public string Folder { get; } = folder;

    /// <summary><c>$DL_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/domainlauncher/probe</c>, else <c>~/.cache/domainlauncher/probe</c>.</summary>
    public static ProbeCache Default()
    {
        var chosen = Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrEmpty(chosen)) return new ProbeCache(chosen);
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        // XDG: a relative XDG_CACHE_HOME is invalid and must be ignored.
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return new ProbeCache(Path.Combine(root, "domainlauncher", "probe"));
    }

    /// <summary>
    /// The file that holds the entry for a binary: named by the 128-bit FNV-1a hash of its full path.
    /// The name need not resist attack (the entry records the path it belongs to, and <see cref="Find"/>
    /// compares it), so no cryptographic hash: SHA-256 here loaded OpenSSL into every launch and probe.
    /// </summary>
    public string EntryPath(EmulatorBinary binary)
    {
        var hash = Fnv1a128(Encoding.UTF8.GetBytes(binary.Path));
        return Path.Combine(Folder, hash.ToString("x32", System.Globalization.CultureInfo.InvariantCulture) + ".json");
    }

    private static UInt128 Fnv1a128(ReadOnlySpan<byte> data)
    {
        // The FNV-1a parameters for 128 bits (offset basis and prime).
        var hash = new UInt128(0x6c62272e07bb0142, 0x62b821756295c58d);
        var prime = new UInt128(0x0000000001000000, 0x000000000000013B);
        foreach (var b in data) hash = (hash ^ b) * prime;
        return hash;
    }

    /// <summary>The recorded profile of this exact binary (same path, size and modification time), else null.</summary>
    public EmulatorProfile? Find(EmulatorBinary binary)
    {
        var entry = EntryPath(binary);
        if (!File.Exists(entry)) return null;
        var read = EmulatorProfileFile.Read(entry);
        return read.Profile is { } profile && profile.Binary == binary ? profile : null;
    }

    /// <summary>
    /// Keeps the profile for its binary, replacing any older entry; false when it could not be written.
    /// Entries are written without indentation: every launch reads one, and reading the white space of an
    /// indented QEMU 7.2 profile (135 KB, 79 KB without) cost a third of reading it.
    /// </summary>
    public bool Store(EmulatorProfile profile)
    {
        try
        {
            Directory.CreateDirectory(Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        return EmulatorProfileFile.Write(profile, EntryPath(profile.Binary), indented: false).Count == 0;
    }
}
