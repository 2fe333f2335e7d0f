using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Decides guest memory for an emulator with memory backend objects (capability <c>memory-backend-ram</c>):
/// the hotplug ceiling, a backend per NUMA node (huge pages, memfd, a file, sharing, discard,
/// preallocation and the <c>&lt;numatune&gt;&lt;memnode&gt;</c> host binding), a backend for all RAM when
/// there are no nodes but <c>&lt;memoryBacking&gt;</c> asks for more than anonymous memory, and the memory
/// devices. Legacy emulators get <see cref="PlannedMemory.Empty"/>: their memory is 0.10.2's.
/// </summary>
internal static class MemoryPlanning
{
    private const ulong MiB = 1024 * 1024;

    /// <summary>x86 memory modules are sized in whole 2 MiB (the largest small-page multiple the PC's DIMM slots align to).</summary>
    private const ulong ModuleAlignment = 2 * MiB;

    public static PlannedMemory Plan(Domain domain, EmulatorDescription emulator, HostSettings host, PciSlots pci)
    {
        if (!emulator.Has(QemuCapability.MemoryBackendRam)) return PlannedMemory.Empty;
        var backing = domain.MemoryBacking;
        var cells = domain.Cpu?.NumaCells ?? [];
        var devices = Devices(domain, host, pci);
        var totalKiB = (domain.Memory ?? domain.CurrentMemory ?? default).Kibibytes;
        var initialKiB = cells.IsEmpty
            ? totalKiB - Math.Min(totalKiB, (ulong)devices.Sum(d => (decimal)(d.Device.Target.Size?.Kibibytes ?? 0)))
            : (ulong)cells.Sum(c => (decimal)NodeMiB(c) * 1024);

        var nodes = ImmutableArray.CreateBuilder<PlannedMemoryBackend>(cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            var memnode = domain.NumaTune?.MemNodes.FirstOrDefault(n => n.CellId == (cell.Id ?? (uint)i));
            if (!NeedsSettings(backing) && cell.MemAccess is null && cell.Discard is null && memnode is null)
            {
                // As before: a plain RAM backend sized in MiB, rounded up so no node loses memory.
                var mib = NodeMiB(cell);
                nodes.Add(new PlannedMemoryBackend($"ram-node{i}", "memory-backend-ram", mib * MiB) { SizeMiB = mib });
                continue;
            }
            nodes.Add(Backend($"ram-node{i}", NodeMiB(cell) * MiB, domain, host, HugePageFor(backing, (uint)i),
                cell.MemAccess ?? backing?.AccessMode, cell.Discard ?? backing?.Discard, memnode));
        }
        PlannedMemoryBackend? machineRam = null;
        if (cells.IsEmpty && NeedsSettings(backing) && !(backing!.Hugepages && OnlyHugepages(backing)))
            machineRam = Backend("pc.ram", initialKiB * 1024, domain, host, HugePageFor(backing, null), backing.AccessMode, backing.Discard, null);

        return new PlannedMemory
        {
            InitialKiB = domain.MaxMemory is null ? null : initialKiB,
            NodeTotalMiB = cells.IsEmpty ? null : initialKiB / 1024,
            Slots = domain.MaxMemory?.Slots,
            MaxKiB = domain.MaxMemory?.Size.Kibibytes,
            NodeBackends = nodes.ToImmutable(),
            MachineRam = machineRam,
            Devices = devices,
            IoThreads = IoThreads(domain.IoThreads),
            // Validation refused a described node no initiator can be found for, and an emulator without HMAT.
            NodeInitiators = NumaInitiators.Described(domain.Cpu) ? [.. NumaInitiators.Of(domain.Cpu!).Select(i => i!.Value)] : [],
        };
    }

    /// <summary>
    /// A node's memory in whole MiB, rounded up so no node loses memory: every node is sized alike, so their sum is
    /// the RAM size <c>-m</c> gives (QEMU refuses nodes that do not add up to it).
    /// </summary>
    private static ulong NodeMiB(NumaCell cell) => (cell.Memory.Kibibytes + 1023) / 1024;

    /// <summary>Whether <c>&lt;memoryBacking&gt;</c> asks for more than anonymous small pages.</summary>
    private static bool NeedsSettings(MemoryBacking? b) =>
        b is not null && (b.Hugepages || b.SourceType is MemorySourceType.File or MemorySourceType.Memfd || b.AccessMode is not null
                          || b.Discard || b.AllocationMode is not null || b.AllocationThreads is not null);

    /// <summary>Plain <c>&lt;hugepages/&gt;</c> without NUMA stays <c>-mem-prealloc -mem-path</c>, as it always was.</summary>
    private static bool OnlyHugepages(MemoryBacking b) =>
        b.HugePages.IsEmpty && b.SourceType is null or MemorySourceType.Anonymous && b.AccessMode is null && !b.Discard
        && b.AllocationMode is null && b.AllocationThreads is null;

    /// <summary>
    /// The huge page size backing a node (null: the mount's default size), or no huge pages (<c>false</c>): the
    /// <c>&lt;page&gt;</c> whose nodeset holds the node, else the one without a nodeset.
    /// </summary>
    private static (bool Huge, MemorySize? Size) HugePageFor(MemoryBacking? b, uint? node)
    {
        if (b is not { Hugepages: true }) return (false, null);
        if (b.HugePages.IsEmpty) return (true, null);
        foreach (var page in b.HugePages)
            if (page.Nodeset is { } set && node is { } n && CpuSetRanges.Parse(set) is { } nodes && nodes.Contains(n)) return (true, page.Size);
        return b.HugePages.FirstOrDefault(p => p.Nodeset is null) is { } any ? (true, any.Size) : (false, null);
    }

    private static PlannedMemoryBackend Backend(string id, ulong bytes, Domain domain, HostSettings host, (bool Huge, MemorySize? Size) huge,
        NumaMemAccess? access, bool? discard, NumaMemNode? memnode)
    {
        var backing = domain.MemoryBacking;
        var memfd = backing?.SourceType == MemorySourceType.Memfd;
        var file = !memfd && (huge.Huge || backing?.SourceType == MemorySourceType.File);
        var type = memfd ? "memory-backend-memfd" : file ? "memory-backend-file" : "memory-backend-ram";
        return new PlannedMemoryBackend(id, type, bytes)
        {
            MemPath = !file ? null : huge.Huge ? host.ResolvedHugepagePath : host.MemoryBackingDirectory,
            Hugetlb = memfd && huge.Huge ? true : null,
            HugetlbSizeBytes = memfd && huge.Huge ? huge.Size?.Bytes : null,
            Share = access is null ? null : access == NumaMemAccess.Shared,
            Prealloc = huge.Huge || backing?.AllocationMode == MemoryAllocationMode.Immediate || backing?.AllocationThreads is not null ? true : null,
            PreallocThreads = backing?.AllocationThreads,
            // Only a file backend can drop its pages when the guest frees them.
            DiscardData = file && discard == true ? true : null,
            // Restrictive placement is left to the host (MemoryChecks warns): QEMU gets neither nodes nor policy.
            HostNodes = memnode is null || memnode.Mode == NumaMemoryMode.Restrictive ? [] : HostNodes(memnode.Nodeset),
            Policy = memnode is null ? null : Policy(memnode.Mode),
        };
    }

    private static ImmutableArray<PlannedMemoryDevice> Devices(Domain domain, HostSettings host, PciSlots pci)
    {
        var memories = domain.Devices.Memories;
        // Most domains have no memory device: no builder, slot set and counts for them.
        if (memories.IsEmpty) return [];
        var result = ImmutableArray.CreateBuilder<PlannedMemoryDevice>();
        var usedSlots = new HashSet<uint>(memories.Select(m => (m.Address as DimmAddress)?.Slot).OfType<uint>());
        var counts = new Dictionary<MemoryDeviceModel, int>();
        uint nextSlot = 0;
        foreach (var memory in memories)
        {
            if (memory.Model == MemoryDeviceModel.SgxEpc) continue; // refused by the untranslated-general area
            var index = counts[memory.Model] = counts.GetValueOrDefault(memory.Model, -1) + 1;
            var target = memory.Target;
            var size = AlignUp(target.Size?.Bytes ?? 0, ModuleAlignment);
            var source = memory.Source;
            var access = memory.Access ?? domain.MemoryBacking?.AccessMode;
            switch (memory.Model)
            {
                case MemoryDeviceModel.Dimm or MemoryDeviceModel.Nvdimm:
                {
                    var dimm = memory.Address as DimmAddress;
                    var slot = dimm?.Slot ?? TakeSlot(usedSlots, ref nextSlot);
                    var nvdimm = memory.Model == MemoryDeviceModel.Nvdimm;
                    var alias = memory.Alias ?? (nvdimm ? "nvdimm" : "dimm") + slot;
                    var backend = nvdimm
                        ? new PlannedMemoryBackend("mem" + alias, "memory-backend-file", size)
                        {
                            MemPath = source?.Path,
                            Share = access is null ? null : access == NumaMemAccess.Shared,
                            Prealloc = source?.Pmem == true ? null : true,
                            AlignBytes = source?.AlignSize?.Bytes,
                            Pmem = source?.Pmem == true ? true : null,
                        }
                        : ModuleBackend("mem" + alias, size, memory, domain, host, access);
                    result.Add(new PlannedMemoryDevice(memory, nvdimm ? "nvdimm" : "pc-dimm", alias, backend, null)
                    {
                        Node = target.Node,
                        Slot = slot,
                        Addr = dimm?.Base,
                        LabelSizeBytes = nvdimm ? target.LabelSize?.Bytes : null,
                        Unarmed = nvdimm && target.Readonly,
                    });
                    break;
                }
                case MemoryDeviceModel.VirtioPmem:
                {
                    var alias = memory.Alias ?? $"virtiopmem{index}";
                    var backend = new PlannedMemoryBackend("mem" + alias, "memory-backend-file", size)
                    {
                        MemPath = source?.Path,
                        Share = access is null ? null : access == NumaMemAccess.Shared,
                    };
                    result.Add(new PlannedMemoryDevice(memory, "virtio-pmem-pci", alias, backend, pci.Place(memory.Address, memory.Location, "the memory device")));
                    break;
                }
                case MemoryDeviceModel.VirtioMem:
                {
                    var alias = memory.Alias ?? $"virtiomem{index}";
                    // The device plugs memory in blocks on request: the backend reserves no swap for what is unplugged.
                    var backend = ModuleBackend("mem" + alias, target.Size?.Bytes ?? 0, memory, domain, host, access) with { Reserve = false };
                    result.Add(new PlannedMemoryDevice(memory, "virtio-mem-pci", alias, backend, pci.Place(memory.Address, memory.Location, "the memory device"))
                    {
                        Node = target.Node,
                        BlockBytes = target.Block?.Bytes,
                        RequestedBytes = target.Requested?.Bytes,
                    });
                    break;
                }
            }
        }
        return result.ToImmutable();
    }

    /// <summary>A DIMM's or virtio-mem's backend: huge pages when its source names a page size (or the domain's memory is on huge pages), bound to its nodemask.</summary>
    private static PlannedMemoryBackend ModuleBackend(string id, ulong bytes, MemoryDevice memory, Domain domain, HostSettings host, NumaMemAccess? access)
    {
        var source = memory.Source;
        var huge = source?.PageSize is not null || domain.MemoryBacking?.Hugepages == true;
        var file = huge || domain.MemoryBacking?.SourceType == MemorySourceType.File;
        return new PlannedMemoryBackend(id, file ? "memory-backend-file" : "memory-backend-ram", bytes)
        {
            MemPath = !file ? null : huge ? host.ResolvedHugepagePath : host.MemoryBackingDirectory,
            Share = access is null ? null : access == NumaMemAccess.Shared,
            Prealloc = huge ? true : null,
            DiscardData = file && memory.Discard == true ? true : null,
            HostNodes = source?.NodeMask is { } mask ? HostNodes(mask) : [],
            Policy = source?.NodeMask is null ? null : "bind",
        };
    }

    private static uint TakeSlot(HashSet<uint> used, ref uint next)
    {
        while (used.Contains(next)) next++;
        used.Add(next);
        return next++;
    }

    private static ulong AlignUp(ulong value, ulong alignment) => (value + alignment - 1) / alignment * alignment;

    private static IReadOnlyList<string> HostNodes(string nodeset) =>
        CpuSetRanges.Parse(nodeset) is { Count: > 0 } nodes ? CpuSetRanges.Ranges(nodes) : [];

    private static string? Policy(NumaMemoryMode? mode) => mode switch
    {
        NumaMemoryMode.Preferred => "preferred",
        NumaMemoryMode.Interleave => "interleave",
        NumaMemoryMode.Restrictive => null,
        _ => "bind",
    };

    private static ImmutableArray<PlannedIoThread> IoThreads(IoThreads? threads)
    {
        if (threads is null) return [];
        if (!threads.Ids.IsEmpty)
            return [.. threads.Ids.Select(t => new PlannedIoThread($"iothread{t.Id}", t.Pool?.Min, t.Pool?.Max))];
        return [.. Enumerable.Range(1, (int)(threads.Count ?? 0)).Select(i => new PlannedIoThread($"iothread{i}", null, null))];
    }
}
