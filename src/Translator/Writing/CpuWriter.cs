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
                Attr("fallback", cpu.Fallback, CpuXml.Fallback), Attr("vendor_id", cpu.VendorId))
            : cpu.Fallback is { } fallback && fallback != CpuFallback.Allow
                ? Element("model", Attr("fallback", fallback, CpuXml.Fallback), Attr("vendor_id", cpu.VendorId))
                : null;
        return Element("cpu",
        [
            mode == CpuMode.Custom ? null : Attr("mode", mode, CpuXml.Mode),
            mode == CpuMode.Custom && cpu.Model is not null ? Attr("match", cpu.Match, CpuXml.Match) : null,
            Attr("check", cpu.Check, CpuXml.Check),
            OnOff("migratable", cpu.Migratable),
            model,
            TextElement("vendor", cpu.Vendor),
            cpu.Topology is { } t
                ? Element("topology", Attr("sockets", (ulong)t.Sockets), Attr("dies", t.Dies), Attr("cores", (ulong)t.Cores),
                    Attr("threads", (ulong)t.Threads))
                : null,
            cpu.Cache is { } cache ? Element("cache", Attr("level", cache.Level), Attr("mode", cache.Mode, CpuXml.CacheMode)) : null,
            cpu.MaxPhysAddr is { } max
                ? Element("maxphysaddr", Attr("mode", max.Mode, CpuXml.MaxPhysAddrMode), Attr("bits", max.Bits))
                : null,
            .. cpu.Features.Select(f => Element("feature",
                Attr("policy", f.Policy, CpuXml.Policy), Attr("name", f.Name))),
            cpu.NumaCells.IsEmpty && cpu.NumaInterconnects.IsEmpty
                ? null
                : Element("numa",
                [
                    .. cpu.NumaCells.Select(NumaCell),
                    cpu.NumaInterconnects.IsEmpty ? null : Element("interconnects", [.. cpu.NumaInterconnects.Select(Interconnect)]),
                ]),
        ]);
    }

    /// <summary>
    /// A cell in libvirt 9's attribute order; the memory stays in KiB without a unit attribute, as
    /// 0.10.2 wrote it (the unit defaults to KiB).
    /// </summary>
    private static XmlElement NumaCell(NumaCell cell) =>
        Element("cell",
        [
            Attr("id", cell.Id),
            Attr("cpus", cell.Cpus),
            Attr("memory", cell.Memory.Kibibytes),
            Attr("memAccess", cell.MemAccess, NumaCellXml.MemAccess),
            YesNo("discard", cell.Discard),
            cell.Distances.IsEmpty
                ? null
                : Element("distances", [.. cell.Distances.Select(d => Element("sibling", Attr("id", d.Id), Attr("value", d.Value)))]),
            .. cell.Caches.Select(c => Element("cache",
                Attr("level", c.Level), Attr("associativity", c.Associativity, NumaCellXml.Associativity),
                Attr("policy", c.Policy, NumaCellXml.Policy),
                Element("size", Attr("value", c.Size.Kibibytes), Attr("unit", "KiB")),
                Element("line", Attr("value", c.LineBytes), Attr("unit", "B")))),
        ]);

    private static XmlElement Interconnect(NumaInterconnect i) =>
        Element(i.Kind == NumaInterconnectKind.Latency ? "latency" : "bandwidth",
            Attr("initiator", i.Initiator), Attr("target", i.Target), Attr("cache", i.Cache),
            Attr("type", i.Type, NumaCellXml.Access), Attr("value", i.Value),
            i.Kind == NumaInterconnectKind.Bandwidth ? Attr("unit", "KiB") : null);
}
