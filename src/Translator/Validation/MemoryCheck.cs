using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Memory must be given (in <c>&lt;memory&gt;</c>, or as the sum of the NUMA cells, as libvirt
/// allows) and not zero; NUMA cells must fit in it.
/// </summary>
internal sealed class MemoryCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        // A <memory> that did not parse is already an error of its own (MemoryLocation is set).
        if (domain.Memory is null && domain.MemoryLocation is null && domain.Cpu is not { NumaCells.Length: > 0 })
            diagnostics.Error(DiagnosticCatalog.MissingElement, domain.Location,
                "the domain has no <memory>; give its size, e.g. <memory unit='MiB'>1024</memory> (or NUMA cells that add up to it)");
        if (domain.Memory is { Kibibytes: 0 })
            diagnostics.Error(DiagnosticCatalog.InvalidMemory, domain.MemoryLocation ?? domain.Location,
                "memory size must be greater than zero");
        if (domain.Memory is { } memory && domain.Cpu is { NumaCells.Length: > 0 } cpu)
        {
            var total = cpu.NumaCells.Aggregate(0UL, (sum, cell) => sum + cell.Memory.Kibibytes);
            if (total > memory.Kibibytes)
                diagnostics.Error(DiagnosticCatalog.InvalidMemory, cpu.Location,
                    $"NUMA cells total {total} KiB, more than the domain's {memory.Kibibytes} KiB of memory");
        }
    }
}
