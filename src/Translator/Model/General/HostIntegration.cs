using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>What happens when the lock manager loses a lock on a guest resource (<c>&lt;on_lockfailure&gt;</c>).</summary>
public enum LockFailureAction { Poweroff, Restart, Pause, Ignore }

/// <summary><c>&lt;cipher name='aes|dea' state='on|off'/&gt;</c> inside <c>&lt;keywrap&gt;</c> (s390 key wrapping).</summary>
public sealed record KeyWrapCipher(KeyWrapCipherName Name, bool State);

public enum KeyWrapCipherName { Aes, Dea }

/// <summary><c>&lt;event name enabled/&gt;</c> inside <c>&lt;perf&gt;</c>: a host performance counter for the guest.</summary>
public sealed record PerfEvent(string Name, bool Enabled);

/// <summary><c>&lt;resource&gt;&lt;partition/&gt;&lt;fibrechannel appid/&gt;&lt;/resource&gt;</c>: the host resource partition.</summary>
public sealed record ResourcePartition
{
    public string? Partition { get; init; }
    public string? FibreChannelAppId { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>Host-side settings of libvirt 9 that sit beside the guest definition: lock failure, key wrapping, perf events, resource partition.</summary>
public sealed record HostIntegration
{
    public LockFailureAction? OnLockFailure { get; init; }
    public ImmutableArray<KeyWrapCipher> KeyWrap { get; init; } = [];
    public ImmutableArray<PerfEvent> PerfEvents { get; init; } = [];
    public ResourcePartition? Resource { get; init; }
    public SourceLocation Location { get; init; }
}

public static class HostIntegrationXml
{
    public static readonly XmlEnum<LockFailureAction> LockFailure = new(
        ("poweroff", LockFailureAction.Poweroff), ("restart", LockFailureAction.Restart), ("pause", LockFailureAction.Pause),
        ("ignore", LockFailureAction.Ignore));

    public static readonly XmlEnum<KeyWrapCipherName> Cipher = new(("aes", KeyWrapCipherName.Aes), ("dea", KeyWrapCipherName.Dea));

    /// <summary>The perf event names of the grammar.</summary>
    public static readonly IReadOnlyList<string> PerfEvents =
    [
        "cmt", "mbmt", "mbml", "cpu_cycles", "instructions", "cache_references", "cache_misses", "branch_instructions",
        "branch_misses", "bus_cycles", "stalled_cycles_frontend", "stalled_cycles_backend", "ref_cpu_cycles", "cpu_clock",
        "task_clock", "page_faults", "context_switches", "cpu_migrations", "page_faults_min", "page_faults_maj",
        "alignment_faults", "emulation_faults",
    ];
}
