namespace DomainLauncher.Drivers.Qemu.Devices;

/// <summary>QEMU's names for the other devices of today's schema (RNG, TPM, vsock, panic, IOMMU, shared memory).</summary>
internal static class MiscDeviceNames
{
    /// <summary>The virtio RNG's PCI device (before its transitional suffix).</summary>
    public const string VirtioRng = "virtio-rng-pci";

    public const string TpmTis = "tpm-tis";

    public const string TpmCrb = "tpm-crb";

    /// <summary>The vsock device; QEMU opens <c>/dev/vhost-vsock</c> itself when not handed a descriptor.</summary>
    public const string VhostVsock = "vhost-vsock-pci";

    /// <summary>The ISA panic notifier (<c>&lt;panic model='isa'/&gt;</c>).</summary>
    public const string IsaPanic = "pvpanic";

    public const string IntelIommu = "intel-iommu";

    public const string VirtioIommu = "virtio-iommu-pci";

    public const string IvshmemPlain = "ivshmem-plain";

    public const string IvshmemDoorbell = "ivshmem-doorbell";
}
