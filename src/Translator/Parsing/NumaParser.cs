using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads the guest NUMA topology inside <c>&lt;cpu&gt;&lt;numa&gt;</c>: cells and interconnects.</summary>
internal static class NumaParser
{
    /// <summary>
    /// <c>&lt;cell id cpus memory unit memAccess discard&gt;</c>. The memory is KiB unless a unit is
    /// given, as in 0.10.2; libvirt 9 lets a cell have no CPUs.
    /// </summary>
    public static NumaCell? Cell(ElementReader cell)
    {
        var id = cell.UInt("id");
        var cpus = cell.Attr("cpus");
        var memory = cell.RequiredAttr("memory") is null ? null : ScaledSize.Attribute(cell, "memory");
        var result = memory is null ? null : new NumaCell(cpus, memory.Value)
        {
            Id = id,
            MemAccess = cell.Enum("memAccess", NumaCellXml.MemAccess),
            Discard = cell.YesNo("discard"),
            Distances = cell.Child("distances")?.ChildrenParsed("sibling", sibling =>
            {
                var siblingId = sibling.RequiredAttr("id") is null ? null : sibling.UInt("id");
                // libvirt's bound: 10 is the local distance, 255 means unreachable.
                var value = sibling.RequiredAttr("value") is null ? null : sibling.UInt("value", 255);
                if (value is < 10)
                {
                    sibling.AttrError("value", DiagnosticCatalog.NumberOutOfRange, $"a NUMA distance is 10 to 255, not {value}");
                    value = null;
                }
                return siblingId is null || value is null ? null : new NumaDistance(siblingId.Value, value.Value);
            }) ?? [],
            Caches = cell.ChildrenParsed("cache", Cache),
            Location = cell.Location,
        };
        return result;
    }

    private static NumaCache? Cache(ElementReader cache)
    {
        var level = cache.RequiredAttr("level") is null ? null : cache.UInt("level");
        var associativity = cache.RequiredEnum("associativity", NumaCellXml.Associativity);
        var policy = cache.RequiredEnum("policy", NumaCellXml.Policy);
        var sizeElement = cache.Child("size");
        var lineElement = cache.Child("line");
        if (sizeElement is null) cache.Error(DiagnosticCatalog.MissingElement, "missing required element <size>");
        if (lineElement is null) cache.Error(DiagnosticCatalog.MissingElement, "missing required element <line>");
        var size = sizeElement is null || sizeElement.RequiredAttr("value") is null ? null : ScaledSize.Attribute(sizeElement, "value");
        var line = lineElement is null || lineElement.RequiredAttr("value") is null ? null : ScaledSize.Bytes(lineElement, "value");
        return level is null || associativity is null || policy is null || size is null || line is null
            ? null
            : new NumaCache
            {
                Level = level.Value,
                Associativity = associativity.Value,
                Policy = policy.Value,
                Size = size.Value,
                LineBytes = line.Value,
            };
    }

    /// <summary><c>&lt;interconnects&gt;</c>: latencies (ns) and bandwidths (KiB/s unless a unit is given).</summary>
    public static ImmutableArray<NumaInterconnect> Interconnects(ElementReader? interconnects)
    {
        if (interconnects is null) return [];
        var items = ImmutableArray.CreateBuilder<NumaInterconnect>();
        foreach (var (element, path) in interconnects.AllChildren())
        {
            if (element.NamespaceUri.Length != 0) continue;
            var kind = element.LocalName switch
            {
                "latency" => NumaInterconnectKind.Latency,
                "bandwidth" => NumaInterconnectKind.Bandwidth,
                _ => (NumaInterconnectKind?)null,
            };
            // Anything else is left unread and reported as unknown.
            if (kind is null) continue;
            var item = Interconnect(interconnects.Open(element, path), kind.Value);
            if (item is not null) items.Add(item);
        }
        return items.ToImmutable();
    }

    private static NumaInterconnect? Interconnect(ElementReader e, NumaInterconnectKind kind)
    {
        var initiator = e.RequiredAttr("initiator") is null ? null : e.UInt("initiator");
        var target = e.RequiredAttr("target") is null ? null : e.UInt("target");
        var cache = e.UInt("cache");
        var type = e.RequiredEnum("type", NumaCellXml.Access);
        ulong? value = e.RequiredAttr("value") is null ? null
            : kind == NumaInterconnectKind.Bandwidth ? ScaledSize.Attribute(e, "value")?.Kibibytes : e.UInt("value");
        return initiator is null || target is null || type is null || value is null
            ? null
            : new NumaInterconnect
            {
                Kind = kind,
                Initiator = initiator.Value,
                Target = target.Value,
                Cache = cache,
                Type = type.Value,
                Value = value.Value,
                Location = e.Location,
            };
    }
}
