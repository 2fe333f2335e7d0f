using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>libvirt 9's interface parts the QEMU driver does not put on the command line yet.</summary>
internal sealed class InterfaceUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) => InterfaceFeatureUses.Find(domain);
}
