using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -numa node,nodeid=N,cpus=FIRST-LAST,mem=MiB (or memdev= naming an -object memory-backend-ram), one per <cpu><numa><cell>.
internal static class NumaEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var cells = ctx.Domain.Cpu?.NumaCells ?? [];
        for (var i = 0; i < cells.Length; i++)
        {
            // The cell's memory is in KiB; QEMU takes MiB, rounded up so no cell loses memory.
            var mib = (cells[i].Memory.Kibibytes + 1023) / 1024;
            // Validation let through only CPU sets that are one range: this QEMU's -numa takes no list.
            var cpus = CpuSetRanges.Ranges(CpuSetRanges.Parse(cells[i].Cpus!)!).Single();
            if (ctx.Has(QemuCapability.MemoryBackendRam))
            {
                var backend = $"ram-node{i}";
                yield return "-object";
                yield return new QemuOpts("memory-backend-ram").Add("id", backend).Add("size", $"{mib}M").ToString();
                yield return "-numa";
                yield return new QemuOpts("node").Add("nodeid", i).Add("cpus", cpus).Add("memdev", backend).ToString();
                continue;
            }
            yield return "-numa";
            yield return new QemuOpts("node").Add("nodeid", i).Add("cpus", cpus).Add("mem", mib).ToString();
        }
    }
}
