using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Memory must be given (in <c>&lt;memory&gt;</c>, or as the sum of the NUMA cells, as libvirt
/// allows) and not zero; the NUMA cells' total must be a size at all.
/// </summary>
/// <remarks>
/// NUMA cells holding more than a stated <c>&lt;memory&gt;</c> are no error here: a domain read to
/// be defined or run has its memory raised to the cells' total by the post-parse stage, and a
/// conversion keeps both as the document states them, as libvirt's conversions do (a driver whose
/// toolstack needs the two to agree says so itself).
/// </remarks>
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
        if (domain.Cpu is { NumaCells.Length: > 0 } cpu && !FitsInASize(cpu.NumaCells))
            diagnostics.Error(DiagnosticCatalog.InvalidMemory, cpu.Location,
                $"the NUMA cells total more than {ulong.MaxValue} KiB of memory, more than any size can hold");
    }

    private static bool FitsInASize(IEnumerable<NumaCell> cells)
    {
        ulong total = 0;
        foreach (var cell in cells)
        {
            if (ulong.MaxValue - total < cell.Memory.Kibibytes) return false;
            total += cell.Memory.Kibibytes;
        }
        return true;
    }
}
