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

    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses)
    {
        var start = uses.Count;
        DeviceFeatureUses.AddInput(input.Domain, uses);
        UntranslatedChecks.KeepUntranslated(uses, start, IsTranslated);
    }

    // A static method, not the set's Contains: its delegate is made once, not for every document.
    private static bool IsTranslated(string what) => Translated.Contains(what);
}
