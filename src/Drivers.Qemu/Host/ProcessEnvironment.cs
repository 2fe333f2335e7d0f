using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// The environment the QEMU process is started from: variables set, in order, and variables
/// known to be absent. The builder copies some of them (PATH, HOME, ...) onto the command line;
/// reading the real environment is the caller's job, never the builder's.
/// </summary>
public sealed record ProcessEnvironment
{
    /// <summary>A minimal environment for a real host: the C locale and a standard PATH.</summary>
    public static ProcessEnvironment Default { get; } = new()
    {
        Set = [new("LC_ALL", "C"), new("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")],
    };

    public ImmutableArray<EnvironmentVariable> Set { get; init; } = [];

    public ImmutableArray<string> Unset { get; init; } = [];

    /// <summary>The value of a variable, or null when it is not set (the last assignment wins).</summary>
    public string? Get(string name)
    {
        // Loops, not Contains with a comparer: the emitter asks for several names every document.
        foreach (var unset in Unset)
            if (unset == name) return null;
        for (var i = Set.Length - 1; i >= 0; i--)
            if (Set[i].Name == name) return Set[i].Value;
        return null;
    }
}
