using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -numa node,nodeid=N,cpus=FIRST-LAST,mem=MiB (or memdev= naming the node's planned -object memory-backend-*),
// one per <cpu><numa><cell>; -numa dist,src=,dst=,val= for each cell's <distances> to other cells.
internal static class NumaEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var cells = ctx.Domain.Cpu?.NumaCells ?? [];
        var backends = ctx.Plan.Memory.NodeBackends;
        for (var i = 0; i < cells.Length; i++)
        {
            // Without memory backends validation let through only CPU sets that are one range: that QEMU's -numa
            // takes no list. A node without CPUs (memory only) has no cpus=.
            var ranges = cells[i].Cpus is { } text ? CpuSetRanges.Ranges(CpuSetRanges.Parse(text)!) : [];
            if (!backends.IsEmpty)
            {
                yield return "-object";
                yield return MemoryBackendSyntax.Format(backends[i]);
                // A list is cpus= repeated, one range each (this emulator's -numa takes that).
                var node = new QemuOpts("node").Add("nodeid", i);
                foreach (var range in ranges) node.Add("cpus", range);
                yield return "-numa";
                yield return node.Add("memdev", backends[i].Id).ToString();
                continue;
            }
            var cpus = ranges.Count == 0 ? null : ranges.Single();
            // The cell's memory is in KiB; QEMU takes MiB, rounded up so no cell loses memory.
            var mib = (cells[i].Memory.Kibibytes + 1023) / 1024;
            yield return "-numa";
            yield return new QemuOpts("node").Add("nodeid", i).Add("cpus", cpus).Add("mem", mib).ToString();
        }
        for (var i = 0; i < cells.Length; i++)
        foreach (var distance in cells[i].Distances.Where(d => d.Id != i))
        {
            yield return "-numa";
            yield return new QemuOpts("dist").Add("src", i).Add("dst", distance.Id).Add("val", distance.Value).ToString();
        }
    }
}
