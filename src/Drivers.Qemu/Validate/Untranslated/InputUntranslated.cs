using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's input features the QEMU driver does not put on the command line yet: passthrough and
/// evdev inputs, the virtio bus, input models, drivers and ACPI indexes.
/// </summary>
internal sealed class InputUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        DeviceFeatureUses.Input(domain);
}
