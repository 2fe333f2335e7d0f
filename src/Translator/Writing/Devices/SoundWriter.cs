using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;sound model&gt;</c> with its codecs and audio backend, then alias, ACPI index and address.</summary>
internal static class SoundWriter
{
    public static XmlElement Write(Sound sound) =>
        Element("sound",
        [
            Attr("model", sound.Model, SoundXml.Model),
            .. sound.Codecs.Select(codec => Element("codec", Attr("type", codec, SoundXml.Codec))),
            GraphicsWriter.AudioReference(sound.AudioId),
            DeviceInfoWriter.Alias(sound.Alias),
            MiscDeviceWriters.Acpi(sound.AcpiIndex),
            DeviceInfoWriter.Address(sound.Address),
        ]);
}
