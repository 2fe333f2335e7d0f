using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes the guest <c>&lt;cpu&gt;</c>: mode and match, model, vendor, topology, features, NUMA cells.</summary>
internal static class CpuWriter
{
    /// <summary>
    /// The reference writes the mode unless it is custom, and the match (exact unless given) for
    /// a custom CPU with a model. A model element is written with its fallback (allow unless
    /// given); a host-model CPU writes a bare model element only for a non-default fallback.
    /// </summary>
    public static XmlElement? Write(CpuConfig? cpu)
    {
        if (cpu is null) return null;
        var mode = cpu.Mode ?? CpuMode.Custom;
        var model = cpu.Model is not null
            ? TextElement("model", cpu.Model,
                Attr("fallback", cpu.Fallback ?? CpuFallback.Allow, CpuXml.Fallback), Attr("vendor_id", cpu.VendorId))
            : cpu.Fallback is { } fallback && fallback != CpuFallback.Allow
                ? Element("model", Attr("fallback", fallback, CpuXml.Fallback), Attr("vendor_id", cpu.VendorId))
                : null;
        return Element("cpu",
        [
            mode == CpuMode.Custom ? null : Attr("mode", mode, CpuXml.Mode),
            mode == CpuMode.Custom && cpu.Model is not null ? Attr("match", cpu.Match ?? CpuMatch.Exact, CpuXml.Match) : null,
            model,
            TextElement("vendor", cpu.Vendor),
            cpu.Topology is { } t
                ? Element("topology", Attr("sockets", (ulong)t.Sockets), Attr("cores", (ulong)t.Cores), Attr("threads", (ulong)t.Threads))
                : null,
            .. cpu.Features.Select(f => Element("feature",
                Attr("policy", f.Policy ?? CpuFeaturePolicy.Require, CpuXml.Policy), Attr("name", f.Name))),
            cpu.NumaCells.IsEmpty
                ? null
                : Element("numa",
                [
                    .. cpu.NumaCells.Select(c => Element("cell", Attr("cpus", c.Cpus), Attr("memory", c.Memory.Kibibytes))),
                ]),
        ]);
    }
}
