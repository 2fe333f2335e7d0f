using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;cpu&gt;</c>: mode, match, model with fallback, vendor, topology, features, NUMA cells.</summary>
internal static class CpuParser
{
    public static CpuConfig? Parse(ElementReader domain)
    {
        var cpu = domain.Child("cpu");
        if (cpu is null) return null;
        var model = cpu.Child("model");
        return new CpuConfig
        {
            Mode = cpu.Enum("mode", CpuXml.Mode),
            Match = cpu.Enum("match", CpuXml.Match),
            Check = cpu.Enum("check", CpuXml.Check),
            Migratable = cpu.OnOff("migratable"),
            Model = model?.Text.Trim() is { Length: > 0 } name ? name : null,
            Fallback = model?.Enum("fallback", CpuXml.Fallback),
            VendorId = model?.Attr("vendor_id"),
            Vendor = cpu.ChildTrimmedText("vendor"),
            Topology = Topology(cpu.Child("topology")),
            Features = cpu.ChildrenParsed("feature", f =>
            {
                var name = f.RequiredAttr("name");
                var policy = f.Enum("policy", CpuXml.Policy);
                return name is null ? null : new CpuFeature(name, policy);
            }),
            NumaCells = cpu.Child("numa")?.ChildrenParsed("cell", NumaParser.Cell) ?? [],
            NumaInterconnects = NumaParser.Interconnects(cpu.Child("numa")?.Child("interconnects")),
            Cache = Cache(cpu.Child("cache")),
            MaxPhysAddr = MaxPhysAddr(cpu.Child("maxphysaddr")),
            Location = cpu.Location,
        };
    }

    private static CpuCache? Cache(ElementReader? cache)
    {
        if (cache is null) return null;
        var level = cache.UInt("level");
        if (level is 0 or > 3)
        {
            cache.AttrError("level", DiagnosticCatalog.NumberOutOfRange, $"cache level {level} does not exist; allowed: 1, 2, 3");
            level = null;
        }
        var mode = cache.RequiredEnum("mode", CpuXml.CacheMode);
        return mode is null ? null : new CpuCache(level, mode.Value) { Location = cache.Location };
    }

    private static CpuMaxPhysAddr? MaxPhysAddr(ElementReader? element)
    {
        if (element is null) return null;
        var mode = element.RequiredEnum("mode", CpuXml.MaxPhysAddrMode);
        var bits = element.UInt("bits");
        return mode is null ? null : new CpuMaxPhysAddr(mode.Value, bits) { Location = element.Location };
    }

    private static CpuTopology? Topology(ElementReader? topology)
    {
        if (topology is null) return null;
        uint? Positive(string name)
        {
            if (topology.RequiredAttr(name) is null) return null;
            var value = topology.UInt(name, TuningParser.MaxVcpus);
            if (value == 0)
            {
                topology.AttrError(name, DiagnosticCatalog.NumberOutOfRange, $"'{name}' must be at least 1");
                return null;
            }
            return value;
        }
        var sockets = Positive("sockets");
        uint? dies = topology.HasAttribute("dies") ? Positive("dies") : null;
        var cores = Positive("cores");
        var threads = Positive("threads");
        return sockets is null || cores is null || threads is null
            ? null
            : new CpuTopology(sockets.Value, cores.Value, threads.Value) { Dies = dies };
    }
}
