using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Output;

/// <summary>The words of a shell command text, or why it could not be split (an unterminated quote).</summary>
public sealed record ShellWordsResult(ImmutableArray<string> Words, string? Error)
{
    public bool Succeeded => Error is null;
}
