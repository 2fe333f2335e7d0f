using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// A huge page size given for a <c>nodeset</c> names guest NUMA nodes: each must exist (a guest
/// without NUMA cells has the single node 0).
/// </summary>
internal sealed class HugePageNodeCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (domain.MemoryBacking is not { } backing) return;
        var cells = domain.Cpu?.NumaCells ?? [];
        var nodeCount = (uint)Math.Max(1, cells.Length);
        foreach (var page in backing.HugePages)
        {
            if (page.Nodeset is null || NodeSetText.Parse(page.Nodeset) is not { } nodes) continue;
            foreach (var node in nodes.Where(n => n >= nodeCount))
                diagnostics.Error(DiagnosticCatalog.MissingGuestNumaNode, backing.Location,
                    $"hugepages: guest NUMA node {node} (page size {page.Size}) not found; the guest has {nodeCount} node(s)");
        }
    }
}
