using DomainLauncher.HostRuntime.CapabilitiesXml;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>
/// Finds the QEMU binary a command runs when it is named loosely or not at all: a bare name is
/// looked up on PATH as a shell would, and without a name the default is
/// <see cref="PreferredEmulator"/> when it exists, else the one PATH gives for this host's architecture.
/// </summary>
public static class EmulatorLocator
{
    public const string PreferredEmulator = "/usr/bin/qemu-system-x86_64";

    /// <summary>How <see cref="Default"/> chooses, for help texts and diagnostics.</summary>
    public const string DefaultDescription = PreferredEmulator + ", else qemu-system-HOSTARCH (or qemu-kvm, kvm) on PATH";

    /// <summary>A bare name (<c>qemu-system-aarch64</c>) is looked up on PATH as a shell would; anything else is left as given.</summary>
    public static string OnPath(string path)
    {
        if (path.Contains('/') || File.Exists(path)) return path;
        return Search(path) ?? path;
    }

    /// <summary>
    /// <see cref="PreferredEmulator"/> when it exists, else the emulator PATH gives for this host's
    /// architecture (<see cref="EmulatorDiscovery.DefaultFor"/>); null when neither.
    /// </summary>
    public static string? Default()
    {
        if (File.Exists(PreferredEmulator)) return PreferredEmulator;
        var hostArch = HostFactsReader.HostArch();
        return OnPathFor(hostArch, hostArch);
    }

    /// <summary>Every QEMU binary on this process's PATH, best first (<see cref="EmulatorDiscovery.Find"/>).</summary>
    public static IReadOnlyList<string> AllOnPath() => EmulatorDiscovery.Find(Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The binary on this process's PATH for guests of <paramref name="arch"/> (<see cref="EmulatorDiscovery.DefaultFor"/>); null when none.</summary>
    public static string? OnPathFor(string arch, string hostArch) =>
        EmulatorDiscovery.DefaultFor(arch, hostArch, Environment.GetEnvironmentVariable("PATH"));

    private static string? Search(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
