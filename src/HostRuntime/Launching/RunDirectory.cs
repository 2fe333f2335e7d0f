using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// The folder that holds one launched domain's state, <c>BASE/NAME</c>: QEMU's pid file, the QMP
/// socket (the builder's monitor), the emulator's log (what it wrote on standard output and error
/// while starting), the domain XML as launched, and the lock file that serializes commands on the
/// domain. It exists exactly while the domain is starting or running; whoever finds it with a dead
/// pid deletes it.
/// </summary>
public sealed record RunDirectory
{
    /// <summary>A unix socket path is at most 107 bytes on Linux (sun_path is 108 with the terminating NUL).</summary>
    public const int MaxSocketPathBytes = 107;

    private RunDirectory(string baseDirectory, string name)
    {
        Base = baseDirectory;
        Name = name;
        Path = System.IO.Path.Combine(baseDirectory, name);
    }

    public string Base { get; }

    public string Name { get; }

    public string Path { get; }

    public string PidFile => System.IO.Path.Combine(Path, "qemu.pid");

    public string QmpSocket => System.IO.Path.Combine(Path, "qmp.sock");

    public string LogFile => System.IO.Path.Combine(Path, "emulator.log");

    public string DomainFile => System.IO.Path.Combine(Path, "domain.xml");

    public string LockFile => System.IO.Path.Combine(Path, "lock");

    /// <summary>
    /// The base folder when none is given: <c>$XDG_RUNTIME_DIR/domainlauncher</c> (a per-user tmpfs the
    /// login session owns), else <c>/run/domainlauncher</c> for root, else <c>/tmp/domainlauncher-UID</c>
    /// (created readable by its user only).
    /// </summary>
    public static string DefaultBase(Func<string, string?> environment, uint userId)
    {
        var xdg = environment("XDG_RUNTIME_DIR");
        if (!string.IsNullOrEmpty(xdg) && System.IO.Path.IsPathRooted(xdg)) return System.IO.Path.Combine(xdg, "domainlauncher");
        return userId == 0 ? "/run/domainlauncher" : $"/tmp/domainlauncher-{userId}";
    }

    /// <summary>The run directory of <paramref name="name"/> under <paramref name="baseDirectory"/>, or a diagnostic saying why the name cannot be one.</summary>
    public static RunDirectory? For(string baseDirectory, string name, List<Diagnostic> diagnostics, SourceLocation? where = null)
    {
        var location = where ?? SourceLocation.OfFile(baseDirectory);
        string? problem = name switch
        {
            "" => "it is empty",
            "." or ".." => "it is a relative folder name",
            _ when name.Contains('/') => "it contains '/'",
            _ when name.Contains('\0') => "it contains a NUL character",
            _ when name.StartsWith('.') => "it starts with '.' (hidden names are kept for the launcher's own files)",
            _ => null,
        };
        if (problem is not null)
        {
            diagnostics.Add(new Diagnostic(RuntimeDiagnostics.BadDomainName, Severity.Error,
                $"the domain name '{name}' cannot be a run directory name: {problem}", location));
            return null;
        }
        var directory = new RunDirectory(System.IO.Path.GetFullPath(baseDirectory), name);
        var socketBytes = System.Text.Encoding.UTF8.GetByteCount(directory.QmpSocket);
        if (socketBytes > MaxSocketPathBytes)
        {
            diagnostics.Add(new Diagnostic(RuntimeDiagnostics.RunDirectoryUnusable, Severity.Error,
                $"the QMP socket path '{directory.QmpSocket}' is {socketBytes} bytes, longer than a unix socket allows ({MaxSocketPathBytes}); " +
                "choose a shorter --run-dir or domain name", location));
            return null;
        }
        return directory;
    }

    /// <summary>The run directories under a base folder, by name (none when the base does not exist).</summary>
    public static IReadOnlyList<RunDirectory> All(string baseDirectory)
    {
        if (!Directory.Exists(baseDirectory)) return [];
        var found = new List<RunDirectory>();
        foreach (var folder in Directory.EnumerateDirectories(baseDirectory))
        {
            var name = System.IO.Path.GetFileName(folder);
            var diagnostics = new List<Diagnostic>();
            if (For(baseDirectory, name, diagnostics) is { } directory) found.Add(directory);
        }
        return [.. found.OrderBy(d => d.Name, StringComparer.Ordinal)];
    }

    public bool Exists => Directory.Exists(Path);

    /// <summary>Creates the base (private to this user when we create it) and this folder (private to this user).</summary>
    public void Create()
    {
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (var folder in (string[])[Base, Path])
        {
            if (Directory.Exists(folder)) continue;
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, Private);
        }
    }

    /// <summary>
    /// The pid QEMU wrote, or null when there is no readable pid file. QEMU writes it with -pidfile
    /// once it runs, and removes it when it exits cleanly.
    /// </summary>
    public int? ReadPid() => PidFiles.Read(PidFile);

    /// <summary>The pid of the live emulator of this directory: the pid file names a process that is QEMU started with this pid file.</summary>
    public int? LivePid() => ReadPid() is { } pid && EmulatorLiveness.IsEmulatorOf(pid, PidFile) ? pid : null;

    /// <summary>Deletes everything but the lock file (the caller holds the lock).</summary>
    public void DeleteContents()
    {
        if (!Exists) return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path))
        {
            if (entry == LockFile) continue;
            if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
            else File.Delete(entry);
        }
    }

    /// <summary>Deletes the folder, the lock file last (the caller holds the lock and releases it afterwards).</summary>
    public void Delete()
    {
        if (!Exists) return;
        DeleteContents();
        File.Delete(LockFile);
        Directory.Delete(Path);
    }
}
