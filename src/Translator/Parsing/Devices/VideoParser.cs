using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;video&gt;</c>: its optional model (type, memory sizes, heads, primary, acceleration), address and alias.</summary>
internal static class VideoParser
{
    public static Video Parse(ElementReader video)
    {
        var model = video.SingleChild("model");
        var acceleration = model is null ? null : model.SingleChild("acceleration");
        return new Video
        {
            Model = model?.RequiredEnum("type", VideoModelXml.Table),
            Vram = model?.UInt("vram"),
            Ram = model?.UInt("ram"),
            Heads = model?.UInt("heads"),
            Primary = model?.YesNo("primary"),
            Acceleration = acceleration is null
                ? null
                : new VideoAcceleration { Accel3d = acceleration.YesNo("accel3d"), Accel2d = acceleration.YesNo("accel2d") },
            Address = CommonParsers.Address(video),
            Alias = CommonParsers.Alias(video),
            Location = video.Location,
        };
    }
}
