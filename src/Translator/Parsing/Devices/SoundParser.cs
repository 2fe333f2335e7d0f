using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;sound model&gt;</c> with its codecs, audio backend, address, alias and ACPI index.</summary>
internal static class SoundParser
{
    public static Sound? Parse(ElementReader sound)
    {
        var model = sound.RequiredEnum("model", SoundXml.Model);
        var codecs = sound.Children("codec").Select(c => c.RequiredEnum("type", SoundXml.Codec)).ToList();
        var audioId = GraphicsParser.AudioReference(sound);
        var address = CommonParsers.Address(sound);
        var alias = CommonParsers.Alias(sound);
        var acpi = VirtioOptionsParser.AcpiIndex(sound);
        if (model is null) return null;
        return new Sound
        {
            Model = model.Value,
            Codecs = [.. codecs.Where(c => c is not null).Select(c => c!.Value)],
            AudioId = audioId,
            Address = address,
            Alias = alias,
            AcpiIndex = acpi,
            Location = sound.Location,
        };
    }
}
