using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads <c>&lt;video&gt;</c>: its driver, its optional model (type, memory sizes, heads, primary,
/// acceleration, resolution), alias, ACPI index and address.
/// </summary>
internal static class VideoParser
{
    public static Video Parse(ElementReader video)
    {
        var model = video.SingleChild("model");
        var acceleration = model is null ? null : model.SingleChild("acceleration");
        var resolution = model is null ? null : model.SingleChild("resolution");
        var driver = video.SingleChild("driver");
        return new Video
        {
            Model = model?.RequiredEnum("type", VideoModelXml.Table),
            Vram = model?.UInt("vram"),
            Ram = model?.UInt("ram"),
            Vram64 = model?.UInt("vram64"),
            VgaMem = model?.UInt("vgamem"),
            Heads = model?.UInt("heads"),
            Primary = model?.YesNo("primary"),
            Acceleration = acceleration is null
                ? null
                : new VideoAcceleration
                {
                    Accel3d = acceleration.YesNo("accel3d"),
                    Accel2d = acceleration.YesNo("accel2d"),
                    RenderNode = acceleration.Attr("rendernode"),
                },
            Resolution = resolution is null ? null : Resolution(resolution),
            Driver = driver is null
                ? null
                : new VideoDriver
                {
                    Name = driver.Enum("name", VideoModelXml.Backend),
                    VgaConf = driver.Enum("vgaconf", VideoModelXml.VgaConf),
                    Virtio = VirtioOptionsParser.Options(driver),
                },
            AcpiIndex = VirtioOptionsParser.AcpiIndex(video),
            Address = CommonParsers.Address(video),
            Alias = CommonParsers.Alias(video),
            Location = video.Location,
        };
    }

    /// <summary><c>&lt;resolution x y/&gt;</c>: both are required.</summary>
    private static VideoResolution? Resolution(ElementReader resolution)
    {
        var x = resolution.RequiredAttr("x") is null ? null : resolution.UInt("x");
        var y = resolution.RequiredAttr("y") is null ? null : resolution.UInt("y");
        return x is null || y is null ? null : new VideoResolution(x.Value, y.Value);
    }
}
