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

    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses)
    {
        var start = uses.Count;
        DeviceFeatureUses.AddDisplay(WithoutTranslated(input.Domain), uses);
        UntranslatedChecks.KeepUntranslated(uses, start, IsTranslated);
    }

    // A static method, not the set's Contains: its delegate is made once, not for every document.
    private static bool IsTranslated(string what) => Translated.Contains(what);

    /// <summary>
    /// The domain without the video settings the driver writes: a virtio card's vhost-user back end (VideoPlanning) with
    /// its render node, which goes to the vhost-user-gpu process, and the virtio transport options of a card's driver.
    /// </summary>
    // Most domains have no video whose driver is translated: they are looked at as they are, not copied (a domain and
    // its devices are large records; 9.0 corpus x2 ~1.3M instructions).
    private static Domain WithoutTranslated(Domain domain) => !domain.Devices.Videos.Any(DriverTranslated) ? domain : domain with
    {
        Devices = domain.Devices with
        {
            Videos = [.. domain.Devices.Videos.Select(v => DriverTranslated(v)
                ? v with
                {
                    Driver = null,
                    Acceleration = v.Driver!.Name == VideoBackend.VhostUser && v.Acceleration is { } accel ? accel with { RenderNode = null } : v.Acceleration,
                }
                : v)],
        },
    };

    private static bool DriverTranslated(Video video) =>
        video.Driver is { VgaConf: null } driver && (driver.Name is null or VideoBackend.Qemu || video.Model is VideoModel.Virtio);
}
