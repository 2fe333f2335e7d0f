using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>libvirt 9's disk and filesystem parts the Xen writers do not write yet.</summary>
internal sealed class StorageXenUntranslated : IXenUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) => StorageFeatureUses.Find(domain);
}
