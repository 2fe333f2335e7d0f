using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;seclabel type model relabel&gt;</c> with its label, imagelabel and baselabel. Used for the
/// domain and (model and relabel only) for a disk source.
/// </summary>
public sealed record SecurityLabel
{
    public SecurityLabelType? Type { get; init; }
    public string? Model { get; init; }
    public bool? Relabel { get; init; }
    public string? Label { get; init; }
    public string? ImageLabel { get; init; }
    public string? BaseLabel { get; init; }
}

public enum SecurityLabelType { Dynamic, Static, None }

public static class SecurityLabelTypeXml
{
    public static readonly XmlEnum<SecurityLabelType> Table = new(
        ("dynamic", SecurityLabelType.Dynamic), ("static", SecurityLabelType.Static), ("none", SecurityLabelType.None));
}
