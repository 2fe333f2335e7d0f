using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// The guest memory parts of libvirt 9's schema the driver translates, where this emulator or host
/// cannot have them: they are memory backend objects, which need capability <c>memory-backend-ram</c>;
/// a memory device needs <c>&lt;maxMemory&gt;</c>, its device type in the emulator, and (NVDIMM,
/// virtio-pmem) a backing file; huge pages need the host's hugetlbfs mount.
/// </summary>
internal sealed class MemoryChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        // libvirt confines restrictive placement through the host's cgroups and gives QEMU no memory policy for it;
        // a launcher without a daemon sets no cgroup, so the memory is placed as the host likes.
        var tune = input.Domain.NumaTune;
        var restrictive = tune?.MemNodes.Where(n => n.Mode == NumaMemoryMode.Restrictive).Select(n => n.Location).ToList() ?? [];
        if (tune?.Mode == NumaMemoryMode.Restrictive) restrictive.Insert(0, input.Domain.Location);
        foreach (var at in restrictive)
            diagnostics.Warning(QemuDiagnostics.HostSideOnly, at,
                "mode='restrictive' confines guest memory to host NUMA nodes through cgroups, which this launcher does not set: QEMU gets no memory policy for it, as from libvirt, and the nodes are not enforced");
        var domain = input.Domain;
        var emulator = input.Emulator;
        // The PC announces DIMMs through ACPI: QEMU refuses a pc-dimm or nvdimm on a machine started with ACPI off.
        if (input.Has(QemuCapability.NoAcpi) && domain.Features?.Acpi != true)
            foreach (var dimm in domain.Devices.Memories.Where(m => m.Model is MemoryDeviceModel.Dimm or MemoryDeviceModel.Nvdimm))
                UnfitReport.Add(diagnostics, input.Options.RefuseUnfit, QemuDiagnostics.HardwareImpossible, dimm.Location,
                    $"<memory model='{MemoryDeviceXml.Model.ToXml(dimm.Model)}'> is plugged through ACPI, and the domain turns ACPI off (no <features><acpi/>)",
                    "QEMU refuses the device");
        if (domain.IdMap is { } idmap)
            diagnostics.Warning(QemuDiagnostics.IdMapIgnored, idmap.Location,
                "<idmap> maps a container's user and group IDs; a QEMU guest has none, so it changes nothing (as in libvirt's QEMU driver)");
        if (!emulator.Has(QemuCapability.MemoryBackendRam))
        {
            foreach (var (where, what) in ModernMemory(domain))
                diagnostics.Error(QemuDiagnostics.MemoryNeedsCapability, where,
                    $"{what} is given to QEMU with memory backend objects, and '{emulator.Path}' lacks capability '{QemuCapabilityNames.Name(QemuCapability.MemoryBackendRam)}'");
            return;
        }
        foreach (var memory in domain.Devices.Memories)
        {
            if (memory.Model == MemoryDeviceModel.SgxEpc) continue;
            var model = MemoryDeviceXml.Model.ToXml(memory.Model);
            if (domain.MaxMemory is null)
                diagnostics.Error(QemuDiagnostics.MemoryDeviceNeedsMaxMemory, memory.Location,
                    $"<memory model='{model}'> is plugged into the room <maxMemory slots='N'> leaves above <memory>, and the domain has no <maxMemory>");
            var qemuType = memory.Model switch
            {
                MemoryDeviceModel.Dimm => "pc-dimm",
                MemoryDeviceModel.Nvdimm => "nvdimm",
                MemoryDeviceModel.VirtioMem => "virtio-mem-pci",
                _ => "virtio-pmem-pci",
            };
            if (!emulator.HasDeviceType(qemuType))
                diagnostics.Error(QemuDiagnostics.DeviceTypeMissing, memory.Location,
                    $"<memory model='{model}'> is QEMU's device '{qemuType}', which '{emulator.Path}' does not have");
            if (memory.Model is MemoryDeviceModel.Nvdimm or MemoryDeviceModel.VirtioPmem && memory.Source?.Path is null)
                diagnostics.Error(QemuDiagnostics.MemoryDeviceSource, memory.Location,
                    $"<memory model='{model}'> keeps its contents in a host file, and its <source> names no <path>");
            if (memory.Target.Size is null)
                diagnostics.Error(QemuDiagnostics.MemoryDeviceSource, memory.Location, $"<memory model='{model}'> has no <target><size>");
            if (memory.Source?.PageSize is not null && input.Host.ResolvedHugepagePath is null)
                diagnostics.Error(QemuDiagnostics.UnsupportedByHost, memory.Location,
                    $"<memory model='{model}'><source><pagesize> needs a hugetlbfs mount on the host, and none is mounted or configured");
        }
    }

    /// <summary>What needs memory backend objects, each where the domain asks for it.</summary>
    private static IEnumerable<(SourceLocation, string)> ModernMemory(Domain domain)
    {
        if (domain.MaxMemory is { } max) yield return (max.Location, "<maxMemory> (memory hotplug)");
        foreach (var memory in domain.Devices.Memories)
            if (memory.Model != MemoryDeviceModel.SgxEpc)
                yield return (memory.Location, $"<memory model='{MemoryDeviceXml.Model.ToXml(memory.Model)}'>");
        if (domain.MemoryBacking is { } b && (!b.HugePages.IsEmpty || b.SourceType is not null || b.AccessMode is not null
                                              || b.AllocationMode is not null || b.AllocationThreads is not null || b.Discard))
            yield return (b.Location, "<memoryBacking> page sizes, source, access, allocation or discard");
        foreach (var node in domain.NumaTune?.MemNodes ?? [])
            if (node.Mode != NumaMemoryMode.Restrictive) yield return (node.Location, "<numatune><memnode>");
        foreach (var cell in domain.Cpu?.NumaCells ?? [])
            if (cell.Cpus is null || cell.MemAccess is not null || cell.Discard is not null || !cell.Distances.IsEmpty)
                yield return (cell.Location, "a NUMA <cell> without cpus, or with memAccess, discard or distances");
        if (domain.IoThreads is { DefaultPool: null } threads) yield return (threads.Location, "<iothreads>");
    }
}
