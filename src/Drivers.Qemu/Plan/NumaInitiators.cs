using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The initiator of each guest NUMA node when the guest gets an HMAT (a performance description of its memory): the
/// node whose CPUs reach the node's memory best. QEMU needs one for every node once <c>hmat=on</c>. The rule:
/// <list type="bullet">
/// <item>a node with CPUs is its own initiator;</item>
/// <item>a memory-only node's is the initiator of its lowest latency among the <c>&lt;interconnects&gt;</c> that target
///   it, else of its highest bandwidth (the values libvirt's documentation calls best performance);</item>
/// <item>a memory-only node nothing describes gets the first node with CPUs.</item>
/// </list>
/// </summary>
public static class NumaInitiators
{
    /// <summary>Whether the domain describes NUMA performance (memory-side caches or interconnects): it then gets an HMAT.</summary>
    public static bool Described(CpuConfig? cpu) =>
        cpu is not null && (!cpu.NumaInterconnects.IsEmpty || cpu.NumaCells.Any(c => !c.Caches.IsEmpty));

    /// <summary>Whether the node has CPUs, so it can initiate memory accesses.</summary>
    public static bool HasCpus(NumaCell cell) => !string.IsNullOrWhiteSpace(cell.Cpus);

    /// <summary>Each node's initiator, in node order; null for a node none can be found for (no node has CPUs).</summary>
    public static ImmutableArray<uint?> Of(CpuConfig cpu)
    {
        var cells = cpu.NumaCells;
        uint? firstWithCpus = null;
        for (var i = 0; i < cells.Length; i++)
            if (HasCpus(cells[i])) { firstWithCpus = (uint)i; break; }
        var initiators = ImmutableArray.CreateBuilder<uint?>(cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            if (HasCpus(cells[i]))
            {
                initiators.Add((uint)i);
                continue;
            }
            var toNode = cpu.NumaInterconnects.Where(l => l.Target == i).ToList();
            var fastest = toNode.Where(l => l.Kind == NumaInterconnectKind.Latency).MinBy(l => l.Value);
            var widest = toNode.Where(l => l.Kind == NumaInterconnectKind.Bandwidth).MaxBy(l => l.Value);
            initiators.Add(fastest?.Initiator ?? widest?.Initiator ?? firstWithCpus);
        }
        return initiators.MoveToImmutable();
    }
}
