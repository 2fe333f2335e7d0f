using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's display features the QEMU driver does not put on the command line yet: of the ones the translator
/// finds (<see cref="DeviceFeatureUses.Display"/>), every one but those listed in <see cref="Translated"/>.
/// </summary>
internal sealed class DisplayUntranslated : IUntranslatedArea
{
    /// <summary>The display features the QEMU driver writes (GraphicsPlanning, GraphicsEmitter, VideoPlanning).</summary>
    private static readonly HashSet<string> Translated =
    [
        "<graphics type='egl-headless'>",
        "<graphics type='vnc' websocket>",
        "<graphics type='vnc' powerControl>",
        "<graphics type='vnc'><audio id>",
        "<graphics type='spice'><filetransfer>",
        "<graphics type='spice'><gl>",
        "<graphics><listen type='socket'>",
        "<graphics><listen type='none'>",
        "<graphics><listen type='address'> without an address",
        "<video><model type='virtio'>",
        "<video><model type='none'>",
        "<video><model type='bochs'>",
        "<video><model type='ramfb'>",
        "<video><model vram64>",
        "<video><model vgamem>",
        "<video><model><resolution>",
        "<video><acpi index>",
    ];

    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        DeviceFeatureUses.Display(domain).Where(use => !Translated.Contains(use.What));
}
