using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>
/// libvirt 9's input features the Xen writers do not write yet: passthrough and evdev inputs, the
/// virtio bus, input models, drivers and ACPI indexes.
/// </summary>
internal sealed class InputXenUntranslated : IXenUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        DeviceFeatureUses.Input(domain);
}
