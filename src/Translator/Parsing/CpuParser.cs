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
            Model = model?.Text.Trim() is { Length: > 0 } name ? name : null,
            Fallback = model?.Enum("fallback", CpuXml.Fallback),
            VendorId = model?.Attr("vendor_id"),
            Vendor = cpu.ChildTrimmedText("vendor"),
            Topology = Topology(cpu.Child("topology")),
            Features = DomainParser.List(cpu.Children("feature").Select(f =>
            {
                var name = f.RequiredAttr("name");
                var policy = f.Enum("policy", CpuXml.Policy);
                return name is null ? null : new CpuFeature(name, policy);
            })),
            NumaCells = DomainParser.List((cpu.Child("numa")?.Children("cell") ?? []).Select(cell =>
            {
                var cpus = cell.RequiredAttr("cpus");
                var memory = cell.RequiredAttr("memory") is null ? null : CommonParsers.MemoryAttribute(cell, "memory");
                return cpus is null || memory is null ? null : new NumaCell(cpus, memory.Value);
            })),
            Location = cpu.Location,
        };
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
        var cores = Positive("cores");
        var threads = Positive("threads");
        return sockets is null || cores is null || threads is null ? null : new CpuTopology(sockets.Value, cores.Value, threads.Value);
    }
}
