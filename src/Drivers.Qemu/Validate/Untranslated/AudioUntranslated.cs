using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's audio features the QEMU driver does not put on the command line yet: audio backends, the
/// ich7, ich9 and usb sound models, the output codec, a sound card's audio id and ACPI index.
/// </summary>
internal sealed class AudioUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        DeviceFeatureUses.Audio(domain);
}
