using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;idmap&gt;</c>: user and group ID ranges mapped into a container's namespace.</summary>
public sealed record IdMap
{
    public ImmutableArray<IdMapRange> Uids { get; init; } = [];
    public ImmutableArray<IdMapRange> Gids { get; init; } = [];
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;uid start target count/&gt;</c> or <c>&lt;gid .../&gt;</c>.</summary>
public sealed record IdMapRange(uint Start, uint Target, uint Count);
