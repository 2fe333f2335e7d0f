using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Devices;

/// <summary>
/// The QEMU type of a virtio PCI device in the flavour the domain asks for: <c>virtio-rng-pci</c> for plain virtio,
/// <c>virtio-rng-pci-transitional</c> (legacy and modern interfaces) or <c>virtio-rng-pci-non-transitional</c> (modern only).
/// </summary>
internal static class VirtioDeviceTypes
{
    public static string Pci(string baseType, VirtioModel? model) => model switch
    {
        VirtioModel.VirtioTransitional => baseType + "-transitional",
        VirtioModel.VirtioNonTransitional => baseType + "-non-transitional",
        _ => baseType,
    };
}
