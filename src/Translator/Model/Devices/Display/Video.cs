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

    /// <summary><c>vram64</c>: QXL's 64-bit video memory in KiB.</summary>
    public uint? Vram64 { get; init; }

    /// <summary><c>vgamem</c>: QXL's VGA framebuffer in KiB.</summary>
    public uint? VgaMem { get; init; }

    /// <summary>The number of screens.</summary>
    public uint? Heads { get; init; }

    /// <summary><c>primary='yes|no'</c>: the card the guest boots on.</summary>
    public bool? Primary { get; init; }

    public VideoAcceleration? Acceleration { get; init; }

    /// <summary><c>&lt;resolution x y/&gt;</c>: the initial resolution in pixels.</summary>
    public VideoResolution? Resolution { get; init; }

    /// <summary><c>&lt;driver name vgaconf&gt;</c> with virtio options.</summary>
    public VideoDriver? Driver { get; init; }

    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public uint? AcpiIndex { get; init; }
    public SourceLocation Location { get; init; }
}

public enum VideoModel { Vga, Cirrus, Vmvga, Xen, Vbox, Qxl, Virtio, Gop, None, Bochs, Ramfb }

public static class VideoModelXml
{
    public static readonly XmlEnum<VideoModel> Table = new(
        ("vga", VideoModel.Vga),
        ("cirrus", VideoModel.Cirrus),
        ("vmvga", VideoModel.Vmvga),
        ("xen", VideoModel.Xen),
        ("vbox", VideoModel.Vbox),
        ("qxl", VideoModel.Qxl),
        ("virtio", VideoModel.Virtio),
        ("gop", VideoModel.Gop),
        ("none", VideoModel.None),
        ("bochs", VideoModel.Bochs),
        ("ramfb", VideoModel.Ramfb));

    public static readonly XmlEnum<VideoBackend> Backend = new(("qemu", VideoBackend.Qemu), ("vhostuser", VideoBackend.VhostUser));

    public static readonly XmlEnum<VideoVgaConf> VgaConf = new(
        ("io", VideoVgaConf.Io), ("on", VideoVgaConf.On), ("off", VideoVgaConf.Off));
}

/// <summary><c>&lt;acceleration accel3d accel2d rendernode/&gt;</c>.</summary>
public sealed record VideoAcceleration
{
    public bool? Accel3d { get; init; }
    public bool? Accel2d { get; init; }

    /// <summary>The host DRM render node for 3D acceleration.</summary>
    public string? RenderNode { get; init; }
}

/// <summary><c>&lt;resolution x y/&gt;</c>.</summary>
public sealed record VideoResolution(uint X, uint Y);

/// <summary>Who emulates the card: QEMU itself or a vhost-user process.</summary>
public enum VideoBackend { Qemu, VhostUser }

/// <summary>bochs-display / qxl VGA configuration interface (<c>vgaconf</c>).</summary>
public enum VideoVgaConf { Io, On, Off }

/// <summary><c>&lt;driver name vgaconf iommu ats packed page_per_vq/&gt;</c> of a video card.</summary>
public sealed record VideoDriver
{
    public VideoBackend? Name { get; init; }
    public VideoVgaConf? VgaConf { get; init; }
    public VirtioOptions? Virtio { get; init; }
}
