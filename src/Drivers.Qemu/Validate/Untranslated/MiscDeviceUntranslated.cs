using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's features of the other devices the QEMU driver does not put on the command line yet: TPM,
/// RNG, shared memory, panic, NVRAM device, IOMMU, vsock, and the new memory balloon and watchdog
/// models and settings.
/// </summary>
internal sealed class MiscDeviceUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        DeviceFeatureUses.MiscDevices(domain);
}
