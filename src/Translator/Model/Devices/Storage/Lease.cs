using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;lease&gt;&lt;lockspace/&gt;&lt;key/&gt;&lt;target path offset/&gt;&lt;/lease&gt;</c>: a lock
/// the lock manager must hold while the guest runs.
/// </summary>
public sealed record Lease
{
    public string? Lockspace { get; init; }
    public required string Key { get; init; }
    public required string TargetPath { get; init; }
    public ulong? TargetOffset { get; init; }
    public SourceLocation Location { get; init; }
}
