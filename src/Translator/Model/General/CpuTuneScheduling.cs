using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;iothreadpin iothread cpuset/&gt;</c>.</summary>
public sealed record IoThreadPin(uint IoThread, string CpuSet);

/// <summary>
/// <c>&lt;vcpusched vcpus&gt;</c>, <c>&lt;iothreadsched iothreads&gt;</c> or <c>&lt;emulatorsched&gt;</c>:
/// a host scheduler policy (with a priority for the real-time ones) for a set of threads.
/// </summary>
public sealed record ThreadScheduling(string? Threads, ThreadScheduler Scheduler, uint? Priority)
{
    public SourceLocation Location { get; init; }
}

public enum ThreadScheduler { Batch, Idle, Fifo, Rr }

public static class ThreadSchedulerXml
{
    public static readonly XmlEnum<ThreadScheduler> Table = new(
        ("batch", ThreadScheduler.Batch), ("idle", ThreadScheduler.Idle), ("fifo", ThreadScheduler.Fifo), ("rr", ThreadScheduler.Rr));
}
