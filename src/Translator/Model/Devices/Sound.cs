using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;sound model&gt;</c>: an emulated sound card, with its HDA codecs when it has any.</summary>
public sealed record Sound
{
    public required SoundModel Model { get; init; }

    /// <summary>The <c>&lt;codec type/&gt;</c> elements in document order (ich6 only).</summary>
    public ImmutableArray<SoundCodec> Codecs { get; init; } = [];

    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

public enum SoundModel { Sb16, Es1370, Pcspk, Ac97, Ich6 }

/// <summary>An HDA codec: line in and out (duplex) or microphone and line out (micro).</summary>
public enum SoundCodec { Duplex, Micro }

public static class SoundXml
{
    public static readonly XmlEnum<SoundModel> Model = new(
        ("sb16", SoundModel.Sb16),
        ("es1370", SoundModel.Es1370),
        ("pcspk", SoundModel.Pcspk),
        ("ac97", SoundModel.Ac97),
        ("ich6", SoundModel.Ich6));

    public static readonly XmlEnum<SoundCodec> Codec = new(("duplex", SoundCodec.Duplex), ("micro", SoundCodec.Micro));
}
