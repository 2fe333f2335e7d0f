using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;sound model&gt;</c> with its codecs, then device info.</summary>
internal static class SoundWriter
{
    public static XmlElement Write(Sound sound) =>
        Element("sound",
        [
            Attr("model", sound.Model, SoundXml.Model),
            .. sound.Codecs.Select(codec => Element("codec", Attr("type", codec, SoundXml.Codec))),
            .. DeviceInfoWriter.Write(sound.Address, sound.Alias),
        ]);
}
