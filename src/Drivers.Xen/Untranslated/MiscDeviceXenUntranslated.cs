using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>
/// libvirt 9's features of the other devices the Xen writers do not write yet: TPM, RNG, shared memory,
/// panic, NVRAM device, IOMMU, vsock, and the new memory balloon and watchdog models and settings.
/// </summary>
internal sealed class MiscDeviceXenUntranslated : IXenUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        DeviceFeatureUses.MiscDevices(domain);
}
