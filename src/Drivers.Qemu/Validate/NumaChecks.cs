using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Guest NUMA cells: each cell's CPU set must be a valid set; an old QEMU's <c>-numa node,cpus=</c> takes a single
/// CPU or one range (a comma would end the option), so there it must form one run of CPUs.
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
            else if (!input.Emulator.Has(Capabilities.QemuCapability.MemoryBackendRam) && CpuSetRanges.Ranges(cpus) is { Count: > 1 } ranges)
                diagnostics.Error(QemuDiagnostics.NumaCellCpus, cpu.Location,
                    $"<cell cpus='{text}'> (cell {i}) is the CPUs {string.Join(", ", ranges)}; QEMU's -numa takes one range, e.g. '0-3'");
        }
    }
}
