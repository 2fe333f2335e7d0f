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

    /// <summary>
    /// Reads words back into a command line: leading <c>NAME=value</c> words are the environment, the
    /// next word the emulator, the rest its arguments. Null when there is no emulator word.
    /// </summary>
    public static QemuCommandLine? FromWords(IReadOnlyList<string> words)
    {
        var environment = ImmutableArray.CreateBuilder<EnvironmentAssignment>();
        var i = 0;
        for (; i < words.Count; i++)
        {
            var eq = words[i].IndexOf('=');
            if (eq <= 0 || !Host.EnvironmentVariable.IsValidName(words[i][..eq])) break;
            environment.Add(new EnvironmentAssignment(words[i][..eq], words[i][(eq + 1)..]));
        }
        return i < words.Count ? new QemuCommandLine(environment.ToImmutable(), words[i], [.. words.Skip(i + 1)]) : null;
    }

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
