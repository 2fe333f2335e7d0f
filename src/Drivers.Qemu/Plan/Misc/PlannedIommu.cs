using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Misc;

/// <summary>The IOMMU: <c>intel-iommu</c> (a system device, no PCI address) or <c>virtio-iommu-pci</c>.</summary>
public sealed record PlannedIommu(Iommu Iommu, string QemuType, string Alias, PciAddress? Pci);
