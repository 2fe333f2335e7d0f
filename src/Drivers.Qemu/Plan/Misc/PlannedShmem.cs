using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Misc;

/// <summary>
/// A shared memory device: <c>ivshmem-plain</c> on a shared <c>memory-backend-file</c> in <c>/dev/shm</c>, or
/// <c>ivshmem-doorbell</c> on a chardev to the ivshmem server's socket.
/// </summary>
public sealed record PlannedShmem(Shmem Shmem, string QemuType, string Alias, PciAddress? Pci)
{
    /// <summary>The shared file of an <c>ivshmem-plain</c> device.</summary>
    public string? MemoryPath { get; init; }

    /// <summary>The size of the shared memory in bytes (libvirt's default is 4 MiB).</summary>
    public ulong SizeBytes { get; init; }

    /// <summary>The ivshmem server's socket of an <c>ivshmem-doorbell</c> device.</summary>
    public string? ServerPath { get; init; }

    public string MemoryId => "shmmem-" + Alias;

    public string CharId => "char" + Alias;
}
