using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;numatune&gt;&lt;memory mode nodeset placement/&gt;</c>: host NUMA memory policy.</summary>
public sealed record NumaTune
{
    public NumaMemoryMode? Mode { get; init; }
    public string? Nodeset { get; init; }
    public Placement? Placement { get; init; }
}

public enum NumaMemoryMode
{
    Strict,
    Preferred,
    Interleave,
}

public static class NumaMemoryModeXml
{
    public static readonly XmlEnum<NumaMemoryMode> Table = new(
        ("strict", NumaMemoryMode.Strict), ("preferred", NumaMemoryMode.Preferred), ("interleave", NumaMemoryMode.Interleave));
}
