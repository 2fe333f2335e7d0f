using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>libvirt 9's interface parts the Xen writers do not write yet.</summary>
internal sealed class InterfaceXenUntranslated : IXenUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) => InterfaceFeatureUses.Find(domain);
}
