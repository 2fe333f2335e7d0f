using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Guest NUMA cells: each cell's CPU set must be a valid set; an old QEMU's <c>-numa node,cpus=</c> takes a single
/// CPU or one range (a comma would end the option), so there it must form one run of CPUs. A performance description
/// (memory-side caches, interconnects) needs an emulator with an HMAT, interconnects between an initiator with CPUs and
/// an existing node (or a cache level it has), cache levels QEMU has (1 to 3), and an initiator for every node.
/// </summary>
internal sealed class NumaChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        if (input.Domain.Cpu is not { } cpu) return;
        for (var i = 0; i < cpu.NumaCells.Length; i++)
        {
            var text = cpu.NumaCells[i].Cpus;
            // A cell without CPUs (libvirt 9) is refused by the untranslated-general area.
            if (text is null) continue;
            var cpus = CpuSetRanges.Parse(text);
            if (cpus is null || cpus.Count == 0)
                diagnostics.Error(QemuDiagnostics.NumaCellCpus, cpu.Location,
                    $"<cell cpus='{text}'> (cell {i}) is not a CPU set such as '0-3' or '0,1,2'");
            // An emulator with memory backends (QEMU 5.1 on) takes a list as cpus= repeated, one range each.
            else if (!input.Emulator.Has(QemuCapability.MemoryBackendRam) && CpuSetRanges.Ranges(cpus) is { Count: > 1 } ranges)
                diagnostics.Error(QemuDiagnostics.NumaCellCpus, cpu.Location,
                    $"<cell cpus='{text}'> (cell {i}) is the CPUs {string.Join(", ", ranges)}; QEMU's -numa takes one range, e.g. '0-3'");
        }
        if (NumaInitiators.Described(cpu)) Performance(input, cpu, diagnostics);
    }

    private static void Performance(QemuCheckInput input, CpuConfig cpu, DiagnosticBag diagnostics)
    {
        var cells = cpu.NumaCells;
        var first = cpu.NumaInterconnects.Select(l => l.Location).Concat(cells.Where(c => !c.Caches.IsEmpty).Select(c => c.Location)).First();
        if (!input.Emulator.Has(QemuCapability.NumaHmat) || !input.Emulator.Has(QemuCapability.MemoryBackendRam))
        {
            diagnostics.Error(QemuDiagnostics.MemoryNeedsCapability, first,
                $"the NUMA performance description (memory-side caches, interconnects) needs an emulator that gives the guest an HMAT (-numa hmat-lb, QEMU 5.0); '{input.Emulator.Path}' has none");
            return;
        }
        for (var i = 0; i < cells.Length; i++)
        foreach (var cache in cells[i].Caches.Where(c => c.Level is < 1 or > 3))
            diagnostics.Error(QemuDiagnostics.NumaPerformanceInconsistent, cells[i].Location,
                $"<cache level='{cache.Level}'> of cell {i}: QEMU describes memory-side cache levels 1 to 3");
        foreach (var link in cpu.NumaInterconnects)
        {
            var what = link.Kind == NumaInterconnectKind.Latency ? "<latency>" : "<bandwidth>";
            if (link.Initiator >= cells.Length || !NumaInitiators.HasCpus(cells[(int)link.Initiator]))
                diagnostics.Error(QemuDiagnostics.NumaPerformanceInconsistent, link.Location,
                    $"{what} initiator='{link.Initiator}' names {(link.Initiator >= cells.Length ? "no cell of the guest" : "a cell without CPUs, which initiates nothing")}");
            if (link.Target >= cells.Length)
                diagnostics.Error(QemuDiagnostics.NumaPerformanceInconsistent, link.Location, $"{what} target='{link.Target}' names no cell of the guest");
            else if (link.Cache is { } level and > 0 && cells[(int)link.Target].Caches.All(c => c.Level != level))
                diagnostics.Error(QemuDiagnostics.NumaPerformanceInconsistent, link.Location,
                    $"{what} cache='{level}': cell {link.Target} has no memory-side cache of that level");
        }
        var initiators = NumaInitiators.Of(cpu);
        for (var i = 0; i < cells.Length; i++)
            if (initiators[i] is null)
                diagnostics.Error(QemuDiagnostics.NumaPerformanceInconsistent, cells[i].Location,
                    $"cell {i} has no CPUs and no cell with CPUs reaches it: a guest with an HMAT needs an initiator for every node");
    }
}
