using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// The guest clock (<c>&lt;clock offset adjustment timezone basis&gt;</c>) and its timers.
/// </summary>
public sealed record ClockConfig
{
    public ClockOffset? Offset { get; init; }
    /// <summary>Seconds of adjustment for <c>variable</c> (and <c>utc</c>/<c>localtime</c> with adjustment).</summary>
    public long? Adjustment { get; init; }
    /// <summary><c>adjustment='reset'</c> given instead of a number.</summary>
    public bool AdjustmentReset { get; init; }
    public string? Timezone { get; init; }
    public ClockBasis? Basis { get; init; }
    /// <summary><c>start='epoch seconds'</c> of <c>offset='absolute'</c> (libvirt 9).</summary>
    public ulong? Start { get; init; }
    public ImmutableArray<ClockTimer> Timers { get; init; } = [];
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;timer name present track tickpolicy frequency mode&gt;</c> with an optional catchup.</summary>
public sealed record ClockTimer
{
    public required TimerName Name { get; init; }
    public bool? Present { get; init; }
    public TimerTrack? Track { get; init; }
    public TickPolicy? TickPolicy { get; init; }
    public ulong? Frequency { get; init; }
    public TimerMode? Mode { get; init; }
    public TimerCatchup? Catchup { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;catchup threshold slew limit/&gt;</c> for tickpolicy catchup.</summary>
public sealed record TimerCatchup(ulong? Threshold, ulong? Slew, ulong? Limit);

public enum ClockOffset { Utc, Localtime, Timezone, Variable, Absolute }

public enum ClockBasis { Utc, Localtime }

public enum TimerName { Platform, Pit, Rtc, Hpet, Tsc, Kvmclock, Hypervclock, Armvtimer }

public enum TimerTrack { Boot, Guest, Wall, Realtime }

public enum TickPolicy { Delay, Catchup, Merge, Discard }

public enum TimerMode { Auto, Native, Emulate, Paravirt, Smpsafe }

public static class ClockXml
{
    public static readonly XmlEnum<ClockOffset> Offset = new(
        ("utc", ClockOffset.Utc), ("localtime", ClockOffset.Localtime), ("timezone", ClockOffset.Timezone),
        ("variable", ClockOffset.Variable), ("absolute", ClockOffset.Absolute));

    public static readonly XmlEnum<ClockBasis> Basis = new(("utc", ClockBasis.Utc), ("localtime", ClockBasis.Localtime));

    public static readonly XmlEnum<TimerName> Name = new(
        ("platform", TimerName.Platform), ("pit", TimerName.Pit), ("rtc", TimerName.Rtc), ("hpet", TimerName.Hpet),
        ("tsc", TimerName.Tsc), ("kvmclock", TimerName.Kvmclock), ("hypervclock", TimerName.Hypervclock),
        ("armvtimer", TimerName.Armvtimer));

    public static readonly XmlEnum<TimerTrack> Track = new(
        ("boot", TimerTrack.Boot), ("guest", TimerTrack.Guest), ("wall", TimerTrack.Wall), ("realtime", TimerTrack.Realtime));

    public static readonly XmlEnum<TickPolicy> TickPolicy = new(
        ("delay", Model.TickPolicy.Delay), ("catchup", Model.TickPolicy.Catchup), ("merge", Model.TickPolicy.Merge),
        ("discard", Model.TickPolicy.Discard));

    public static readonly XmlEnum<TimerMode> Mode = new(
        ("auto", TimerMode.Auto), ("native", TimerMode.Native), ("emulate", TimerMode.Emulate),
        ("paravirt", TimerMode.Paravirt), ("smpsafe", TimerMode.Smpsafe));
}
