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
        return new MemoryBacking
        {
            Hugepages = backing.Child("hugepages") is not null,
            NoSharePages = backing.Child("nosharepages") is not null,
            Locked = backing.Child("locked") is not null,
        };
    }

    public static BlockIoTune? BlockIoTune(ElementReader domain)
    {
        var tune = domain.Child("blkiotune");
        if (tune is null) return null;
        return new BlockIoTune
        {
            Weight = (uint?)tune.Child("weight")?.UnsignedText(1000),
            Devices = DomainParser.List(tune.Children("device").Select(device =>
            {
                var path = device.ChildTrimmedText("path");
                var weight = (uint?)device.Child("weight")?.UnsignedText(1000);
                if (path is null) device.Error(DiagnosticCatalog.MissingElement, "missing required element <path>");
                if (device.Child("weight") is null) device.Error(DiagnosticCatalog.MissingElement, "missing required element <weight>");
                return path is null || weight is null ? null : new BlockIoDeviceWeight(path, weight.Value);
            })),
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
        if (memory is null) return new NumaTune();
        return new NumaTune
        {
            Mode = memory.Enum("mode", NumaMemoryModeXml.Table),
            Nodeset = memory.Attr("nodeset"),
            Placement = memory.Enum("placement", PlacementXml.Table),
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
            Period = tune.Child("period")?.UnsignedText(),
            Quota = tune.Child("quota")?.IntegerText(),
            EmulatorPeriod = tune.Child("emulator_period")?.UnsignedText(),
            EmulatorQuota = tune.Child("emulator_quota")?.IntegerText(),
            VcpuPins = DomainParser.List(tune.Children("vcpupin").Select(pin =>
            {
                var vcpu = pin.RequiredAttr("vcpu") is null ? null : pin.UInt("vcpu", MaxVcpus - 1);
                var cpuset = pin.RequiredAttr("cpuset");
                return vcpu is null || cpuset is null ? null : new VcpuPin(vcpu.Value, cpuset);
            })),
            EmulatorPin = tune.Child("emulatorpin")?.RequiredAttr("cpuset"),
        };
    }
}
