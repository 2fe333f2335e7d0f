using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Guest memory on a modern emulator, decided once: the hotplug ceiling (<c>-m size=,slots=,maxmem=</c>),
/// the backend object of each NUMA node or of the whole RAM (<c>-machine memory-backend=</c>), the
/// memory devices with their backends, and the I/O thread objects. Empty for legacy emulators, whose
/// memory stays <c>-m MiB</c> (and <c>-mem-path</c>).
/// </summary>
public sealed record PlannedMemory
{
    /// <summary>The boot-time RAM in KiB for <c>-m size=</c>; set with <see cref="Slots"/> and <see cref="MaxKiB"/> when the domain has <c>&lt;maxMemory&gt;</c>.</summary>
    public ulong? InitialKiB { get; init; }

    /// <summary>The RAM size in MiB with NUMA nodes: the sum of the nodes, which QEMU requires <c>-m</c> to equal.</summary>
    public ulong? NodeTotalMiB { get; init; }

    public uint? Slots { get; init; }

    public ulong? MaxKiB { get; init; }

    /// <summary>The backend of each NUMA node, in node order; empty without planned node backends.</summary>
    public ImmutableArray<PlannedMemoryBackend> NodeBackends { get; init; } = [];

    /// <summary>The backend of all guest RAM when it has no NUMA nodes but needs more than anonymous memory (<c>pc.ram</c>).</summary>
    public PlannedMemoryBackend? MachineRam { get; init; }

    public ImmutableArray<PlannedMemoryDevice> Devices { get; init; } = [];

    /// <summary>
    /// With an HMAT (the domain describes memory-side caches or interconnects): each node's initiator, in node order
    /// (<c>-numa node,initiator=</c>, see <see cref="NumaInitiators"/>); empty without one.
    /// </summary>
    public ImmutableArray<uint> NodeInitiators { get; init; } = [];

    /// <summary>The machine describes NUMA performance to the guest (<c>hmat=on</c>).</summary>
    public bool Hmat => !NodeInitiators.IsEmpty;

    /// <summary>The <c>-object iothread</c> ids with their pool sizes.</summary>
    public ImmutableArray<PlannedIoThread> IoThreads { get; init; } = [];

    /// <summary>The machine needs <c>nvdimm=on</c> (an NVDIMM is present).</summary>
    public bool Nvdimm => Devices.Any(d => d.Device.Model == MemoryDeviceModel.Nvdimm);

    public static PlannedMemory Empty { get; } = new();
}

/// <summary>
/// A <c>memory-backend-ram|file|memfd</c> object: its id, type and size, and the host-side settings
/// (file, sharing, preallocation, huge pages, host NUMA binding) the domain asks for, each null when unset.
/// </summary>
public sealed record PlannedMemoryBackend(string Id, string QemuType, ulong SizeBytes)
{
    public string? MemPath { get; init; }
    public bool? Share { get; init; }
    public bool? Hugetlb { get; init; }
    public ulong? HugetlbSizeBytes { get; init; }
    public bool? Prealloc { get; init; }
    public uint? PreallocThreads { get; init; }
    public bool? Reserve { get; init; }
    public bool? DiscardData { get; init; }
    public ulong? AlignBytes { get; init; }
    public bool? Pmem { get; init; }
    public bool? ReadOnly { get; init; }

    /// <summary>Host NUMA nodes the memory is bound to (<c>host-nodes=</c>, as ranges) and the policy.</summary>
    public IReadOnlyList<string> HostNodes { get; init; } = [];
    public string? Policy { get; init; }

    /// <summary>The plain form of 0.10.2's successors: a RAM backend sized in MiB with nothing else (kept for unchanged output).</summary>
    public ulong? SizeMiB { get; init; }
}

/// <summary>A memory device (<c>pc-dimm</c>, <c>nvdimm</c>, <c>virtio-mem-pci</c>, <c>virtio-pmem-pci</c>) with its backend, alias and placement.</summary>
public sealed record PlannedMemoryDevice(MemoryDevice Device, string QemuType, string Alias, PlannedMemoryBackend Backend, PciAddress? Pci)
{
    public uint? Node { get; init; }
    public uint? Slot { get; init; }
    public ulong? Addr { get; init; }
    public ulong? LabelSizeBytes { get; init; }
    public bool Unarmed { get; init; }
    public ulong? BlockBytes { get; init; }
    public ulong? RequestedBytes { get; init; }
    public bool? Prealloc { get; init; }
}

/// <summary>An I/O thread object (<c>-object iothread,id=iothreadN</c>) and its thread pool bounds.</summary>
public sealed record PlannedIoThread(string Id, uint? PoolMin, uint? PoolMax);
