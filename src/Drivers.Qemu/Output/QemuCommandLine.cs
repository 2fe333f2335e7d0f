using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Output;

/// <summary>
/// A built QEMU invocation: the environment assignments in order, the emulator binary and its
/// arguments. Pure data; the writers in this folder own how it looks as text.
/// </summary>
public sealed record QemuCommandLine(ImmutableArray<EnvironmentAssignment> Environment, string Emulator, ImmutableArray<string> Args)
{
    /// <summary>Every word as a shell would see it: <c>NAME=value</c> assignments, the emulator, the arguments.</summary>
    public ImmutableArray<string> Words => [.. Environment.Select(e => e.Word), Emulator, .. Args];

    public bool Equals(QemuCommandLine? other) =>
        other is not null && Emulator == other.Emulator
        && Environment.SequenceEqual(other.Environment) && Args.SequenceEqual(other.Args);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Emulator);
        foreach (var e in Environment) hash.Add(e);
        foreach (var a in Args) hash.Add(a);
        return hash.ToHashCode();
    }
}
