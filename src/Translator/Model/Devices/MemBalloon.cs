using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;memballoon model&gt;</c>: the memory balloon, or <c>none</c> to have no balloon at all.</summary>
public sealed record MemBalloon
{
    public required MemBalloonModel Model { get; init; }

    /// <summary><c>autodeflate</c>: deflate the balloon when the guest runs out of memory.</summary>
    public bool? AutoDeflate { get; init; }

    /// <summary><c>freePageReporting</c>: the guest reports free pages to the host.</summary>
    public bool? FreePageReporting { get; init; }

    /// <summary><c>&lt;stats period/&gt;</c>: seconds between statistics updates.</summary>
    public uint? StatsPeriod { get; init; }

    public VirtioOptions? Driver { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public uint? AcpiIndex { get; init; }
    public SourceLocation Location { get; init; }
}

public enum MemBalloonModel { Virtio, Xen, None, VirtioTransitional, VirtioNonTransitional }

public static class MemBalloonModelXml
{
    public static readonly XmlEnum<MemBalloonModel> Table = new(
        ("virtio", MemBalloonModel.Virtio), ("xen", MemBalloonModel.Xen), ("none", MemBalloonModel.None),
        ("virtio-transitional", MemBalloonModel.VirtioTransitional),
        ("virtio-non-transitional", MemBalloonModel.VirtioNonTransitional));
}
