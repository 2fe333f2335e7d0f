using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's input features the QEMU driver does not put on the command line yet: of the ones the translator finds
/// (<see cref="DeviceFeatureUses.Input"/>), the virtio model (transitional or not). Passthrough and evdev inputs, the
/// virtio bus, the virtio options of <c>&lt;driver&gt;</c> and ACPI indexes are written (InputPlanning, VirtioInputEmitter).
/// </summary>
internal sealed class InputUntranslated : IUntranslatedArea
{
    private static readonly HashSet<string> Translated =
    [
        "<input type='passthrough'>",
        "<input type='evdev'>",
        "<input bus='virtio'>",
        "<input><acpi index>",
        "<input><driver>",
    ];

    public IEnumerable<DeviceFeatureUse> Find(Domain domain)
    {
        // A loop, not Where: every document passes here.
        foreach (var use in DeviceFeatureUses.Input(domain))
            if (!Translated.Contains(use.What)) yield return use;
    }
}
