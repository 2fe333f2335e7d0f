using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;sound model&gt;</c>: an emulated sound card, with its HDA codecs when it has any.</summary>
public sealed record Sound
{
    public required SoundModel Model { get; init; }

    /// <summary>The <c>&lt;codec type/&gt;</c> elements in document order (HDA models).</summary>
    public ImmutableArray<SoundCodec> Codecs { get; init; } = [];

    /// <summary><c>&lt;audio id/&gt;</c>: the audio backend the card plays through; null when absent.</summary>
    public uint? AudioId { get; init; }

    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }

    /// <summary><c>&lt;acpi index/&gt;</c>.</summary>
    public uint? AcpiIndex { get; init; }
    public SourceLocation Location { get; init; }
}

public enum SoundModel { Sb16, Es1370, Pcspk, Ac97, Ich6, Ich7, Ich9, Usb }

/// <summary>An HDA codec: line in and out (duplex), microphone and line out (micro), or line out only (output).</summary>
public enum SoundCodec { Duplex, Micro, Output }

public static class SoundXml
{
    public static readonly XmlEnum<SoundModel> Model = new(
        ("sb16", SoundModel.Sb16),
        ("es1370", SoundModel.Es1370),
        ("pcspk", SoundModel.Pcspk),
        ("ac97", SoundModel.Ac97),
        ("ich6", SoundModel.Ich6),
        ("ich7", SoundModel.Ich7),
        ("ich9", SoundModel.Ich9),
        ("usb", SoundModel.Usb));

    public static readonly XmlEnum<SoundCodec> Codec = new(
        ("duplex", SoundCodec.Duplex), ("micro", SoundCodec.Micro), ("output", SoundCodec.Output));
}
