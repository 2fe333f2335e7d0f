using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's display features the QEMU driver does not put on the command line yet: video models and
/// settings, graphics types and settings, socket and none listens.
/// </summary>
internal sealed class DisplayUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        DeviceFeatureUses.Display(domain);
}
