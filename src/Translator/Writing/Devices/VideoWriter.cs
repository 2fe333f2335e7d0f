using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes <c>&lt;video&gt;</c>: driver, <c>&lt;model type ram vram vram64 vgamem heads primary&gt;</c>
/// with acceleration and resolution, then alias, ACPI index and address.
/// </summary>
internal static class VideoWriter
{
    /// <summary>
    /// The model's attributes as held (the post-parse stage fills video memory and heads).
    /// </summary>
    public static XmlElement Write(Video video, WriteContext context) =>
        Element("video",
        [
            Driver(video.Driver),
            video.Model is VideoModel.None
                ? Element("model", Attr("type", VideoModel.None, VideoModelXml.Table))
                : video.Model is { } model
                ? Element("model",
                    Attr("type", model, VideoModelXml.Table),
                    Attr("ram", video.Ram),
                    Attr("vram", video.Vram),
                    Attr("vram64", video.Vram64),
                    Attr("vgamem", video.VgaMem),
                    Attr("heads", video.Heads),
                    YesNo("primary", video.Primary),
                    video.Acceleration is { } accel
                        ? UnlessEmpty(Element("acceleration",
                            YesNo("accel3d", accel.Accel3d), YesNo("accel2d", accel.Accel2d), Attr("rendernode", accel.RenderNode)))
                        : null,
                    video.Resolution is { } resolution
                        ? Element("resolution", Attr("x", resolution.X), Attr("y", resolution.Y))
                        : null)
                : null,
            DeviceInfoWriter.Alias(video.Alias),
            MiscDeviceWriters.Acpi(video.AcpiIndex),
            DeviceInfoWriter.Address(video.Address),
        ]);

    /// <summary><c>&lt;driver&gt;</c>: virtio options, then name and vgaconf, as the reference writes them.</summary>
    private static XmlElement? Driver(VideoDriver? driver) =>
        driver is null
            ? null
            : UnlessEmpty(Element("driver",
            [
                .. MiscDeviceWriters.VirtioAttributes(driver.Virtio),
                Attr("name", driver.Name, VideoModelXml.Backend),
                Attr("vgaconf", driver.VgaConf, VideoModelXml.VgaConf),
            ]));
}
