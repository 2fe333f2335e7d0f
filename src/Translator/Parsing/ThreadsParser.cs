using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads per-vCPU state (<c>&lt;vcpus&gt;</c>), I/O threads and thread scheduling policies.</summary>
internal static class ThreadsParser
{
    public static ImmutableArray<VcpuState> VcpuStates(ElementReader domain) =>
        domain.Child("vcpus")?.ChildrenParsed("vcpu", vcpu =>
        {
            var id = vcpu.RequiredAttr("id") is null ? null : vcpu.UInt("id", TuningParser.MaxVcpus - 1);
            var enabled = vcpu.RequiredAttr("enabled") is null ? null : vcpu.YesNo("enabled");
            var hotpluggable = vcpu.YesNo("hotpluggable");
            var order = vcpu.UInt("order");
            return id is null || enabled is null
                ? null
                : new VcpuState(id.Value, enabled.Value) { Hotpluggable = hotpluggable, Order = order, Location = vcpu.Location };
        }) ?? [];

    public static IoThreads? IoThreads(ElementReader domain)
    {
        var count = domain.Child("iothreads");
        var ids = domain.Child("iothreadids");
        var pool = domain.Child("defaultiothread");
        if (count is null && ids is null && pool is null) return null;
        return new IoThreads
        {
            Count = (uint?)count?.UnsignedText(uint.MaxValue),
            Ids = ids?.ChildrenParsed("iothread", thread =>
            {
                var id = thread.RequiredAttr("id") is null ? null : thread.UInt("id");
                if (id == 0)
                {
                    thread.AttrError("id", DiagnosticCatalog.NumberOutOfRange, "I/O thread IDs start at 1");
                    return null;
                }
                return id is null ? null : new IoThread(id.Value) { Pool = Pool(thread) };
            }) ?? [],
            DefaultPool = pool is null ? null : Pool(pool) ?? new IoThreadPool(null, null),
            Location = (count ?? ids ?? pool)!.Location,
        };
    }

    private static IoThreadPool? Pool(ElementReader element)
    {
        var min = element.UInt("thread_pool_min");
        var max = element.UInt("thread_pool_max");
        if (min is { } low && max is { } high && low > high)
            element.AttrError("thread_pool_min", DiagnosticCatalog.InvalidValue, $"thread_pool_min {low} is more than thread_pool_max {high}");
        return min is null && max is null ? null : new IoThreadPool(min, max);
    }

    /// <summary>A scheduling element; <paramref name="threadsAttribute"/> names its thread set (none for the emulator).</summary>
    public static ThreadScheduling? Scheduling(ElementReader sched, string? threadsAttribute)
    {
        var threads = threadsAttribute is null ? null : sched.Attr(threadsAttribute);
        var scheduler = sched.RequiredEnum("scheduler", ThreadSchedulerXml.Table);
        var priority = sched.UInt("priority", ushort.MaxValue);
        if (scheduler is ThreadScheduler.Fifo or ThreadScheduler.Rr && priority is null && sched.HasAttribute("priority") == false)
            sched.Error(DiagnosticCatalog.MissingAttribute, "a real-time scheduler (fifo, rr) needs a 'priority'");
        return scheduler is null ? null : new ThreadScheduling(threads, scheduler.Value, priority) { Location = sched.Location };
    }
}
