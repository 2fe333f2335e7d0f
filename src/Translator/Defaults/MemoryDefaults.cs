using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// The guest's memory size when NUMA cells give it: libvirt 9 takes the cells' total as the
/// memory size when a document leaves <c>&lt;memory&gt;</c> out, and, when it defines a domain
/// (<see cref="DefaultsSettings.NumaCellsRaiseMemory"/>), when the document states a smaller one;
/// a conversion keeps the stated size. A larger <c>&lt;memory&gt;</c> than the cells' total is
/// kept, as libvirt 0.10.2 kept it.
/// </summary>
internal static class MemoryDefaults
{
    public static MemorySize? Apply(Domain domain, DefaultsSettings settings)
    {
        if (domain.Cpu is not { NumaCells.Length: > 0 } cpu) return domain.Memory;
        if (domain.Memory is not null && !settings.NumaCellsRaiseMemory) return domain.Memory;
        ulong total = 0;
        foreach (var cell in cpu.NumaCells)
        {
            // A total beyond what a size can hold is left to validation to report.
            if (ulong.MaxValue - total < cell.Memory.Kibibytes) return domain.Memory;
            total += cell.Memory.Kibibytes;
        }
        return domain.Memory is { } stated && stated.Kibibytes >= total ? stated : new MemorySize(total);
    }
}
