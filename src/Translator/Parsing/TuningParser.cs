using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads resource tuning: memoryBacking, blkiotune, memtune, numatune, vcpu and cputune.</summary>
internal static class TuningParser
{
    /// <summary>Most vCPUs a domain may ask for (the reference's own bound).</summary>
    public const uint MaxVcpus = 4096;

    public static MemoryBacking? MemoryBacking(ElementReader domain)
    {
        var backing = domain.Child("memoryBacking");
        if (backing is null) return null;
        var hugepages = backing.Child("hugepages");
        var allocation = backing.Child("allocation");
        return new MemoryBacking
        {
            Hugepages = hugepages is not null,
            HugePages = hugepages?.ChildrenParsed("page", page =>
            {
                var size = page.RequiredAttr("size") is null ? null : ScaledSize.Attribute(page, "size");
                return size is null ? null : new HugePage(size.Value, page.Attr("nodeset"));
            }) ?? [],
            NoSharePages = backing.Child("nosharepages") is not null,
            Locked = backing.Child("locked") is not null,
            SourceType = backing.Child("source")?.RequiredEnum("type", MemoryBackingXml.Source),
            AccessMode = backing.Child("access")?.RequiredEnum("mode", NumaCellXml.MemAccess),
            AllocationMode = allocation?.Enum("mode", MemoryBackingXml.Allocation),
            AllocationThreads = allocation?.UInt("threads"),
            Discard = backing.Child("discard") is not null,
            Location = backing.Location,
        };
    }

    /// <summary><c>&lt;maxMemory slots unit&gt;N&lt;/maxMemory&gt;</c>.</summary>
    public static MaxMemory? MaxMemory(ElementReader domain)
    {
        var max = domain.Child("maxMemory");
        if (max is null) return null;
        var slots = max.UInt("slots");
        var size = CommonParsers.MemoryElement(max);
        return size is null ? null : new MaxMemory(size.Value, slots) { Location = max.Location };
    }

    public static BlockIoTune? BlockIoTune(ElementReader domain)
    {
        var tune = domain.Child("blkiotune");
        if (tune is null) return null;
        return new BlockIoTune
        {
            Weight = (uint?)tune.Child("weight")?.UnsignedText(1000),
            Devices = tune.ChildrenParsed("device", device =>
            {
                var path = device.ChildTrimmedText("path");
                var weightElement = device.Child("weight");
                var weight = (uint?)weightElement?.UnsignedText(1000);
                if (path is null) device.Error(DiagnosticCatalog.MissingElement, "missing required element <path>");
                return path is null || (weightElement is not null && weight is null)
                    ? null
                    : new BlockIoDeviceWeight(path, weight)
                    {
                        ReadIopsSec = device.Child("read_iops_sec")?.UnsignedText(),
                        WriteIopsSec = device.Child("write_iops_sec")?.UnsignedText(),
                        ReadBytesSec = device.Child("read_bytes_sec")?.UnsignedText(),
                        WriteBytesSec = device.Child("write_bytes_sec")?.UnsignedText(),
                        Location = device.Location,
                    };
            }),
        };
    }

    public static MemoryTune? MemoryTune(ElementReader domain)
    {
        var tune = domain.Child("memtune");
        if (tune is null) return null;
        return new MemoryTune
        {
            HardLimit = Size(tune, "hard_limit"),
            SoftLimit = Size(tune, "soft_limit"),
            SwapHardLimit = Size(tune, "swap_hard_limit"),
            MinGuarantee = Size(tune, "min_guarantee"),
        };
    }

    private static MemorySize? Size(ElementReader parent, string name) =>
        parent.Child(name) is { } element ? CommonParsers.MemoryElement(element) : null;

    public static NumaTune? NumaTune(ElementReader domain)
    {
        var tune = domain.Child("numatune");
        if (tune is null) return null;
        var memory = tune.Child("memory");
        var memNodes = tune.ChildrenParsed("memnode", node =>
        {
            var cellId = node.RequiredAttr("cellid") is null ? null : node.UInt("cellid");
            var mode = node.Enum("mode", NumaMemoryModeXml.Table);
            var nodeset = node.RequiredAttr("nodeset");
            return cellId is null || nodeset is null ? null : new NumaMemNode(cellId.Value, mode, nodeset) { Location = node.Location };
        });
        if (memory is null) return new NumaTune { HasMemory = memNodes.IsEmpty, MemNodes = memNodes };
        return new NumaTune
        {
            Mode = memory.Enum("mode", NumaMemoryModeXml.Table),
            Nodeset = memory.Attr("nodeset"),
            Placement = memory.Enum("placement", PlacementXml.Table),
            MemNodes = memNodes,
        };
    }

    public static VcpuConfig? Vcpu(ElementReader domain)
    {
        var vcpu = domain.Child("vcpu");
        if (vcpu is null) return null;
        var count = ParseCount(vcpu);
        // Zero reads as a number; that a count must be at least 1 is a rule validation reports,
        // beside every other problem of the document (see VcpuCheck).
        var current = vcpu.UInt("current", MaxVcpus);
        if (count is null) return null;
        return new VcpuConfig
        {
            Count = count.Value,
            Current = current,
            Placement = vcpu.Enum("placement", PlacementXml.Table),
            CpuSet = vcpu.Attr("cpuset"),
            Location = vcpu.Location,
        };
    }

    private static uint? ParseCount(ElementReader vcpu)
    {
        var text = vcpu.Text.Trim();
        if (text.StartsWith('-'))
        {
            vcpu.Error(DiagnosticCatalog.InvalidVcpuCount, $"the vCPU count is '{text}'; it must be between 1 and {MaxVcpus}");
            return null;
        }
        var count = vcpu.UnsignedText(MaxVcpus);
        return (uint?)count;
    }

    public static CpuTune? CpuTune(ElementReader domain)
    {
        var tune = domain.Child("cputune");
        if (tune is null) return null;
        return new CpuTune
        {
            Shares = tune.Child("shares")?.UnsignedText(),
            GlobalPeriod = tune.Child("global_period")?.UnsignedText(),
            GlobalQuota = tune.Child("global_quota")?.IntegerText(),
            Period = tune.Child("period")?.UnsignedText(),
            Quota = tune.Child("quota")?.IntegerText(),
            EmulatorPeriod = tune.Child("emulator_period")?.UnsignedText(),
            EmulatorQuota = tune.Child("emulator_quota")?.IntegerText(),
            IoThreadPeriod = tune.Child("iothread_period")?.UnsignedText(),
            IoThreadQuota = tune.Child("iothread_quota")?.IntegerText(),
            IoThreadPins = tune.ChildrenParsed("iothreadpin", pin =>
            {
                var iothread = pin.RequiredAttr("iothread") is null ? null : pin.UInt("iothread");
                var cpuset = pin.RequiredAttr("cpuset");
                return iothread is null || cpuset is null ? null : new IoThreadPin(iothread.Value, cpuset);
            }),
            VcpuScheduling = tune.ChildrenParsed("vcpusched", s => ThreadsParser.Scheduling(s, "vcpus")),
            IoThreadScheduling = tune.ChildrenParsed("iothreadsched", s => ThreadsParser.Scheduling(s, "iothreads")),
            EmulatorScheduling = tune.Child("emulatorsched") is { } emulator ? ThreadsParser.Scheduling(emulator, null) : null,
            Location = tune.Location,
            VcpuPins = tune.ChildrenParsed("vcpupin", pin =>
            {
                var vcpu = pin.RequiredAttr("vcpu") is null ? null : pin.UInt("vcpu", MaxVcpus - 1);
                var cpuset = pin.RequiredAttr("cpuset");
                return vcpu is null || cpuset is null ? null : new VcpuPin(vcpu.Value, cpuset);
            }),
            EmulatorPin = tune.Child("emulatorpin")?.RequiredAttr("cpuset"),
        };
    }
}
