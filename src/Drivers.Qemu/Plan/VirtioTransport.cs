namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>How virtio devices reach the guest: over PCI (<c>virtio-*-pci</c>) or the s390 virtio bus (<c>virtio-*-s390</c>).</summary>
public enum VirtioTransport
{
    Pci,
    S390,
}
