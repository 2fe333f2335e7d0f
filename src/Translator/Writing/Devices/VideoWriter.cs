using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;video&gt;&lt;model type ram vram heads primary&gt;</c> with acceleration, then device info.</summary>
internal static class VideoWriter
{
    /// <summary>With a model, video memory and heads are always written (the reference's defaults when absent).</summary>
    public static XmlElement Write(Video video, WriteContext context) =>
        Element("video",
        [
            video.Model is { } model
                ? Element("model",
                    Attr("type", model, VideoModelXml.Table),
                    Attr("ram", video.Ram),
                    Attr("vram", video.Vram ?? DefaultVram(model, context.DomainType)),
                    Attr("heads", video.Heads ?? 1),
                    video.Primary == true ? YesNo("primary", true) : null,
                    video.Acceleration is { } accel
                        ? UnlessEmpty(Element("acceleration", YesNo("accel3d", accel.Accel3d), YesNo("accel2d", accel.Accel2d)))
                        : null)
                : null,
            .. DeviceInfoWriter.Write(video.Address, video.Alias),
        ]);

    /// <summary>The reference's default video memory in KiB for a model.</summary>
    private static uint? DefaultVram(VideoModel model, DomainType domainType) => model switch
    {
        VideoModel.Vga or VideoModel.Cirrus or VideoModel.Vmvga => domainType switch
        {
            DomainType.Vbox => 8 * 1024,
            DomainType.Vmware => 4 * 1024,
            _ => 9 * 1024,
        },
        VideoModel.Xen => 4 * 1024,
        VideoModel.Vbox => 8 * 1024,
        VideoModel.Qxl => 64 * 1024,
        _ => null,
    };
}
