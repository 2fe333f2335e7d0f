using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>libvirt 9's host device parts the Xen writers do not write yet; they describe Xen's own passthrough (the xen back-end).</summary>
internal sealed class HostDeviceXenUntranslated : IXenUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) => HostDeviceFeatureUses.Find(domain, PciBackend.Xen);
}
