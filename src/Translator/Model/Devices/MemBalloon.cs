using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;memballoon model&gt;</c>: the memory balloon, or <c>none</c> to have no balloon at all.</summary>
public sealed record MemBalloon
{
    public required MemBalloonModel Model { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

public enum MemBalloonModel { Virtio, Xen, None }

public static class MemBalloonModelXml
{
    public static readonly XmlEnum<MemBalloonModel> Table = new(
        ("virtio", MemBalloonModel.Virtio), ("xen", MemBalloonModel.Xen), ("none", MemBalloonModel.None));
}
