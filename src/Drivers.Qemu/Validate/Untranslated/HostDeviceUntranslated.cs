using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>libvirt 9's host device parts the QEMU driver does not put on the command line yet; it writes legacy assignment (the kvm back-end).</summary>
internal sealed class HostDeviceUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) => HostDeviceFeatureUses.Find(domain, PciBackend.Kvm);
}
