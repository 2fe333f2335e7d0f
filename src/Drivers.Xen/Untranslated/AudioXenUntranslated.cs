using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>
/// libvirt 9's audio features the Xen writers do not write yet: audio backends, the ich7, ich9 and usb
/// sound models, the output codec, a sound card's audio id and ACPI index.
/// </summary>
internal sealed class AudioXenUntranslated : IXenUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        DeviceFeatureUses.Audio(domain);
}
