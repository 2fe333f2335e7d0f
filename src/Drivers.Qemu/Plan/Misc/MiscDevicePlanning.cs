using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Misc;

/// <summary>
/// Decides the other devices once: their QEMU types, aliases, PCI addresses (taken through the planner's PCI
/// function, in libvirt's order: RNGs, shared memory, vsock, IOMMU), backends and host paths. Validation has
/// refused what cannot be planned (an automatic CID or generation ID nobody handed in), so this never refuses.
/// </summary>
internal static class MiscDevicePlanning
{
    /// <summary>libvirt's shared memory size when the domain gives none.</summary>
    private const ulong DefaultShmemBytes = 4UL << 20;

    public static PlannedMiscDevices Plan(Domain domain, HostSettings host, QemuBuildOptions options, PciSlots pci)
    {
        var devices = domain.Devices;
        var rngs = IndexedPlans.Of(devices.Rngs, pci, static (rng, i, pci) => Rng(rng, rng.Alias ?? $"rng{i}", pci));
        var tpms = IndexedPlans.Of(devices.Tpms, (domain.Name, host), static (tpm, i, s) => TpmPlanning.Plan(tpm, tpm.Alias ?? $"tpm{i}", s.Name, s.host));
        var shmems = IndexedPlans.Of(devices.Shmems, (host, pci), static (shmem, i, s) => Shmem(shmem, shmem.Alias ?? $"shmem{i}", s.host, s.pci));
        var vsock = devices.Vsock is { } v && (v.CidAddress ?? options.GuestCid) is { } cid
            ? new PlannedVsock(v, VirtioDeviceTypes.Pci(MiscDeviceNames.VhostVsock, v.Model), v.Alias ?? "vsock0",
                pci.Place(v.Address, v.Location, "the vsock device"), cid)
            : null;
        var iommu = devices.Iommu is { } iommuDevice ? Iommu(iommuDevice, pci) : null;
        var genid = domain.GenerationId is { } g && (g.Value ?? options.GeneratedGenerationId) is { } guid
            ? new PlannedGenerationId(guid, g.Location)
            : null;
        return new PlannedMiscDevices
        {
            Rngs = rngs,
            Tpms = tpms,
            Shmems = shmems,
            Vsock = vsock,
            Panics = IsaPanics(devices.Panics),
            Iommu = iommu,
            GenerationId = genid,
            KernelIrqchip = domain.Features?.Ioapic?.Driver == IoapicDriver.Qemu
                || devices.Iommu is { Model: IommuModel.Intel, Driver.InterruptRemapping: true } ? "split"
                : domain.Features?.Ioapic?.Driver == IoapicDriver.Kvm ? "on"
                : null,
        };
    }

    /// <summary>The ISA panic notifiers (a loop: Where-then-Select is a generic virtual call a native build resolves at run time).</summary>
    private static ImmutableArray<PlannedPanic> IsaPanics(ImmutableArray<Panic> panics)
    {
        // Most domains have no panic notifier: no builder for them.
        if (panics.IsEmpty) return [];
        var planned = ImmutableArray.CreateBuilder<PlannedPanic>(panics.Length);
        foreach (var p in panics)
            if (p.Model is null or PanicModel.Isa) planned.Add(new PlannedPanic(p, MiscDeviceNames.IsaPanic, (p.Address as IsaAddress)?.IoBase));
        return planned.DrainToImmutable();
    }

    /// <summary>The addresses the domain gives these devices, reserved before any slot is handed out.</summary>
    public static void ReserveGivenAddresses(Domain domain, IPciAddressAssigner pci)
    {
        foreach (var rng in domain.Devices.Rngs) pci.Reserve(rng.Address);
        foreach (var shmem in domain.Devices.Shmems) pci.Reserve(shmem.Address);
        pci.Reserve(domain.Devices.Vsock?.Address);
        pci.Reserve(domain.Devices.Iommu?.Address);
    }

    private static PlannedRng Rng(Rng rng, string alias, PciSlots pci) =>
        new(rng, VirtioDeviceTypes.Pci(MiscDeviceNames.VirtioRng, rng.Model), alias, pci.Place(rng.Address, rng.Location, "the random number generator"))
        {
            BackendType = rng.Backend switch
            {
                RandomRngBackend => "rng-random",
                EgdRngBackend => "rng-egd",
                _ => "rng-builtin",
            },
            // libvirt 9's default source is the non-blocking /dev/urandom.
            RandomFile = rng.Backend is RandomRngBackend random ? random.Device ?? "/dev/urandom" : null,
        };

    /// <summary>
    /// ivshmem-plain maps <c>/dev/shm/NAME</c> (the host's POSIX shared memory object of that name, as libvirt does);
    /// ivshmem-doorbell connects to the server socket the domain names, else libvirt's
    /// <c>/var/lib/libvirt/shmem-NAME-sock</c> under the host's state directory.
    /// </summary>
    private static PlannedShmem Shmem(Shmem shmem, string alias, HostSettings host, PciSlots pci)
    {
        // Without a model, a server makes it a doorbell device (libvirt's default).
        var doorbell = shmem.Model == ShmemModel.IvshmemDoorbell || shmem.Model is null && shmem.Server is not null;
        return new PlannedShmem(shmem, doorbell ? MiscDeviceNames.IvshmemDoorbell : MiscDeviceNames.IvshmemPlain, alias,
            pci.Place(shmem.Address, shmem.Location, "the shared memory device"))
        {
            SizeBytes = shmem.Size?.Bytes ?? DefaultShmemBytes,
            MemoryPath = doorbell ? null : "/dev/shm/" + shmem.Name,
            ServerPath = doorbell ? shmem.Server?.Path ?? $"{host.StateDirectory}/shmem-{shmem.Name}-sock" : null,
        };
    }

    private static PlannedIommu? Iommu(Iommu iommu, PciSlots pci) => iommu.Model switch
    {
        // The Intel IOMMU is part of the q35 machine's system bus: it takes no PCI slot.
        IommuModel.Intel => new PlannedIommu(iommu, MiscDeviceNames.IntelIommu, iommu.Alias ?? "iommu0", null),
        IommuModel.Virtio => new PlannedIommu(iommu, MiscDeviceNames.VirtioIommu, iommu.Alias ?? "iommu0",
            pci.Place(iommu.Address, iommu.Location, "the IOMMU")),
        _ => null,
    };
}
