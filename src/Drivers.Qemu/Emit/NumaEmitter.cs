using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -numa node,nodeid=N,cpus=FIRST-LAST,mem=MiB (or memdev= naming the node's planned -object memory-backend-*),
// one per <cpu><numa><cell>, with initiator= under an HMAT; -numa dist,src=,dst=,val= for each cell's <distances> to
// other cells; -numa hmat-lb for each <interconnects> latency or bandwidth and -numa hmat-cache for each cell's <cache>.
internal static class NumaEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
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
                args.Add("-object");
                args.Add(MemoryBackendSyntax.Format(backends[i]));
                // A list is cpus= repeated, one range each (this emulator's -numa takes that).
                var node = new QemuOpts("node").Add("nodeid", i);
                foreach (var range in ranges) node.Add("cpus", range);
                if (!ctx.Plan.Memory.NodeInitiators.IsEmpty) node.Add("initiator", ctx.Plan.Memory.NodeInitiators[i]);
                args.Add("-numa");
                args.Add(node.Add("memdev", backends[i].Id).ToString());
                continue;
            }
            var cpus = ranges.Count == 0 ? null : ranges.Single();
            // The cell's memory is in KiB; QEMU takes MiB, rounded up so no cell loses memory.
            var mib = (cells[i].Memory.Kibibytes + 1023) / 1024;
            args.Add("-numa");
            args.Add(new QemuOpts("node").Add("nodeid", i).Add("cpus", cpus).Add("mem", mib).ToString());
        }
        for (var i = 0; i < cells.Length; i++)
        foreach (var distance in cells[i].Distances.Where(d => d.Id != i))
        {
            args.Add("-numa");
            args.Add(new QemuOpts("dist").Add("src", i).Add("dst", distance.Id).Add("val", distance.Value).ToString());
        }
        if (!ctx.Plan.Memory.Hmat) return;
        foreach (var link in ctx.Domain.Cpu!.NumaInterconnects)
        {
            args.Add("-numa");
            args.Add(HmatLb(link));
        }
        for (var i = 0; i < cells.Length; i++)
        foreach (var cache in cells[i].Caches)
        {
            args.Add("-numa");
            args.Add(new QemuOpts("hmat-cache").Add("node-id", i).Add("size", FormattableString.Invariant($"{cache.Size.Kibibytes}K")).Add("level", cache.Level)
                .Add("associativity", cache.Associativity switch
                {
                    NumaCacheAssociativity.Direct => "direct",
                    // QEMU's name for any associativity other than direct-mapped.
                    NumaCacheAssociativity.Full => "complex",
                    _ => "none",
                })
                .Add("policy", cache.Policy switch
                {
                    NumaCachePolicy.Writeback => "write-back",
                    NumaCachePolicy.Writethrough => "write-through",
                    _ => "none",
                })
                .Add("line", cache.LineBytes).ToString());
        }
    }

    /// <summary>One latency (ns) or bandwidth (KiB/s) between an initiator and a target node's memory, or a cache level of it.</summary>
    private static string HmatLb(NumaInterconnect link)
    {
        var access = link.Type switch
        {
            NumaInterconnectAccess.Read => "read",
            NumaInterconnectAccess.Write => "write",
            _ => "access",
        };
        var options = new QemuOpts("hmat-lb").Add("initiator", link.Initiator).Add("target", link.Target)
            .Add("hierarchy", link.Cache switch
            {
                null or 0 => "memory",
                1 => "first-level",
                2 => "second-level",
                _ => "third-level",
            });
        return link.Kind == NumaInterconnectKind.Latency
            ? options.Add("data-type", access + "-latency").Add("latency", link.Value).ToString()
            : options.Add("data-type", access + "-bandwidth").Add("bandwidth", FormattableString.Invariant($"{link.Value}K")).ToString();
    }
}
