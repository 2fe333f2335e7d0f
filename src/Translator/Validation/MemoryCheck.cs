using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>Memory must be given and not zero; NUMA cells must fit in it.</summary>
internal sealed class MemoryCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (domain.Memory is { Kibibytes: 0 })
            diagnostics.Error(DiagnosticCatalog.InvalidMemory, domain.Location.WithPath("domain/memory"),
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
