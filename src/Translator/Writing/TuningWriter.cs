using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes resource tuning: blkiotune, memtune, memoryBacking, vcpu, cputune and numatune.</summary>
internal static class TuningWriter
{
    public static XmlElement? BlockIoTune(BlockIoTune? tune) =>
        tune is null
            ? null
            : UnlessChildless(Element("blkiotune",
            [
                TextElement("weight", tune.Weight),
                .. tune.Devices.Select(device => Element("device",
                    TextElement("path", device.Path),
                    TextElement("weight", device.Weight),
                    TextElement("read_iops_sec", device.ReadIopsSec),
                    TextElement("write_iops_sec", device.WriteIopsSec),
                    TextElement("read_bytes_sec", device.ReadBytesSec),
                    TextElement("write_bytes_sec", device.WriteBytesSec))),
            ]));

    /// <summary>The limits in libvirt's order: hard, soft, min_guarantee, swap_hard.</summary>
    public static XmlElement? MemoryTune(MemoryTune? tune) =>
        tune is null
            ? null
            : UnlessChildless(Element("memtune",
                GeneralWriter.Size("hard_limit", tune.HardLimit),
                GeneralWriter.Size("soft_limit", tune.SoftLimit),
                GeneralWriter.Size("min_guarantee", tune.MinGuarantee),
                GeneralWriter.Size("swap_hard_limit", tune.SwapHardLimit)));

    /// <summary>Written only when one of its flags is set, as the reference does.</summary>
    public static XmlElement? MemoryBacking(MemoryBacking? backing) =>
        backing is null
            ? null
            : UnlessChildless(Element("memoryBacking",
                backing.Hugepages
                    ? Element("hugepages",
                    [
                        .. backing.HugePages.Select(p =>
                            Element("page", Attr("size", p.Size.Kibibytes), Attr("unit", "KiB"), Attr("nodeset", p.Nodeset))),
                    ])
                    : null,
                Flag("nosharepages", backing.NoSharePages),
                Flag("locked", backing.Locked),
                backing.SourceType is null ? null : Element("source", Attr("type", backing.SourceType, MemoryBackingXml.Source)),
                backing.AccessMode is null ? null : Element("access", Attr("mode", backing.AccessMode, NumaCellXml.MemAccess)),
                backing.AllocationMode is null && backing.AllocationThreads is null
                    ? null
                    : Element("allocation", Attr("mode", backing.AllocationMode, MemoryBackingXml.Allocation),
                        Attr("threads", backing.AllocationThreads)),
                Flag("discard", backing.Discard)));

    /// <summary>
    /// <c>&lt;vcpu placement cpuset current&gt;</c>: placement is always written (static unless
    /// given); current only when it differs from the maximum.
    /// </summary>
    public static XmlElement? Vcpu(VcpuConfig? vcpu) =>
        vcpu is null
            ? null
            : TextElement("vcpu", (ulong)vcpu.Count,
                Attr("placement", vcpu.Placement, PlacementXml.Table),
                Attr("cpuset", vcpu.CpuSet),
                vcpu.Current is { } current && current != vcpu.Count ? Attr("current", (ulong)current) : null);

    public static XmlElement? CpuTune(CpuTune? tune) =>
        tune is null
            ? null
            : UnlessChildless(Element("cputune",
            [
                TextElement("shares", tune.Shares),
                TextElement("global_period", tune.GlobalPeriod),
                TextElement("global_quota", tune.GlobalQuota),
                TextElement("period", tune.Period),
                TextElement("quota", tune.Quota),
                TextElement("emulator_period", tune.EmulatorPeriod),
                TextElement("emulator_quota", tune.EmulatorQuota),
                TextElement("iothread_period", tune.IoThreadPeriod),
                TextElement("iothread_quota", tune.IoThreadQuota),
                .. tune.VcpuPins.Select(pin => Element("vcpupin", Attr("vcpu", (ulong)pin.Vcpu), Attr("cpuset", pin.CpuSet))),
                tune.EmulatorPin is null ? null : Element("emulatorpin", Attr("cpuset", tune.EmulatorPin)),
                .. tune.IoThreadPins.Select(pin => Element("iothreadpin", Attr("iothread", pin.IoThread), Attr("cpuset", pin.CpuSet))),
                .. tune.VcpuScheduling.Select(s => Scheduling("vcpusched", "vcpus", s)),
                .. tune.IoThreadScheduling.Select(s => Scheduling("iothreadsched", "iothreads", s)),
                tune.EmulatorScheduling is { } emulator ? Scheduling("emulatorsched", "", emulator) : null,
            ]));

    private static XmlElement Scheduling(string name, string threadsAttribute, ThreadScheduling s) =>
        Element(name,
            threadsAttribute.Length == 0 ? null : Attr(threadsAttribute, s.Threads),
            Attr("scheduler", s.Scheduler, ThreadSchedulerXml.Table), Attr("priority", s.Priority));

    /// <summary><c>&lt;vcpus&gt;</c>, then iothreads, iothreadids and defaultiothread, in libvirt 9's order.</summary>
    public static IEnumerable<XmlElement?> Threads(Domain domain) =>
    [
        domain.VcpuStates.IsEmpty
            ? null
            : Element("vcpus",
            [
                .. domain.VcpuStates.Select(v => Element("vcpu", Attr("id", v.Id), YesNo("enabled", v.Enabled),
                    YesNo("hotpluggable", v.Hotpluggable), Attr("order", v.Order))),
            ]),
        TextElement("iothreads", domain.IoThreads?.Count),
        domain.IoThreads is { Ids.IsEmpty: false } threads
            ? Element("iothreadids",
            [
                .. threads.Ids.Select(t => Element("iothread", Attr("id", t.Id), Attr("thread_pool_min", t.Pool?.Min), Attr("thread_pool_max", t.Pool?.Max))),
            ])
            : null,
        domain.IoThreads?.DefaultPool is { } pool
            ? Element("defaultiothread", Attr("thread_pool_min", pool.Min), Attr("thread_pool_max", pool.Max))
            : null,
    ];

    /// <summary>
    /// <c>&lt;numatune&gt;&lt;memory mode nodeset placement/&gt;</c>: a static placement is written as its
    /// nodeset alone, an automatic one as <c>placement='auto'</c> (the post-parse stage fills the mode
    /// and the placement).
    /// </summary>
    public static XmlElement? NumaTune(NumaTune? tune)
    {
        if (tune is null) return null;
        return Element("numatune",
        [
            tune.HasMemory
                ? Element("memory",
                    Attr("mode", tune.Mode, NumaMemoryModeXml.Table),
                    tune.Placement == Placement.Auto ? Attr("placement", Placement.Auto, PlacementXml.Table) : null,
                    Attr("nodeset", tune.Nodeset))
                : null,
            .. tune.MemNodes.Select(node => Element("memnode",
                Attr("cellid", node.CellId), Attr("mode", node.Mode, NumaMemoryModeXml.Table), Attr("nodeset", node.Nodeset))),
        ]);
    }
}
