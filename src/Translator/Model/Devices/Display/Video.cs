using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// A video card (<c>&lt;video&gt;&lt;model type vram ram heads primary&gt;&lt;acceleration/&gt;&lt;/model&gt;&lt;/video&gt;</c>).
/// The model element is optional: without it the model and memory sizes are left to the planner.
/// </summary>
public sealed record Video
{
    /// <summary><c>&lt;model type&gt;</c>, null when there is no model element.</summary>
    public VideoModel? Model { get; init; }

    /// <summary>Video memory in KiB.</summary>
    public uint? Vram { get; init; }

    /// <summary>Other device memory (QXL's RAM bar) in KiB.</summary>
    public uint? Ram { get; init; }

    /// <summary>The number of screens.</summary>
    public uint? Heads { get; init; }

    /// <summary><c>primary='yes|no'</c>: the card the guest boots on.</summary>
    public bool? Primary { get; init; }

    public VideoAcceleration? Acceleration { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

public enum VideoModel { Vga, Cirrus, Vmvga, Xen, Vbox, Qxl }

public static class VideoModelXml
{
    public static readonly XmlEnum<VideoModel> Table = new(
        ("vga", VideoModel.Vga),
        ("cirrus", VideoModel.Cirrus),
        ("vmvga", VideoModel.Vmvga),
        ("xen", VideoModel.Xen),
        ("vbox", VideoModel.Vbox),
        ("qxl", VideoModel.Qxl));
}

/// <summary><c>&lt;acceleration accel3d accel2d/&gt;</c>.</summary>
public sealed record VideoAcceleration
{
    public bool? Accel3d { get; init; }
    public bool? Accel2d { get; init; }
}
