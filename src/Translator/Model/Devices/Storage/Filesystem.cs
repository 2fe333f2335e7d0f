using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;filesystem type accessmode&gt;</c>: a host directory, image or RAM disk the guest mounts
/// directly (9p for QEMU).
/// </summary>
public sealed record Filesystem
{
    /// <summary>The <c>type</c> attribute as given; when absent the source is read as a mount.</summary>
    public FilesystemType? Type { get; init; }
    public FilesystemAccessMode? AccessMode { get; init; }
    public FilesystemDriver? Driver { get; init; }
    public required FilesystemSource Source { get; init; }
    /// <summary><c>&lt;target dir/&gt;</c>: a mount point, or for QEMU the 9p mount tag.</summary>
    public required string TargetDir { get; init; }
    public bool ReadOnly { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;driver type format wrpolicy/&gt;</c> of a filesystem.</summary>
public sealed record FilesystemDriver
{
    public FilesystemDriverType? Type { get; init; }
    /// <summary>The image format for the loop and nbd drivers.</summary>
    public DiskFormat? Format { get; init; }
    public FilesystemWritePolicy? WritePolicy { get; init; }
}

/// <summary>The <c>&lt;source&gt;</c> of a filesystem: a closed family chosen by its <c>type</c>.</summary>
public abstract record FilesystemSource
{
    private protected FilesystemSource() { }

    public abstract FilesystemType Type { get; }
}

/// <summary><c>&lt;source dir/&gt;</c>: a host directory to export.</summary>
public sealed record MountFilesystemSource(string Dir) : FilesystemSource
{
    public override FilesystemType Type => FilesystemType.Mount;
}

/// <summary><c>&lt;source dir/&gt;</c>: a guest directory bind-mounted elsewhere (container drivers).</summary>
public sealed record BindFilesystemSource(string Dir) : FilesystemSource
{
    public override FilesystemType Type => FilesystemType.Bind;
}

/// <summary><c>&lt;source name/&gt;</c>: an OpenVZ template.</summary>
public sealed record TemplateFilesystemSource(string Name) : FilesystemSource
{
    public override FilesystemType Type => FilesystemType.Template;
}

/// <summary><c>&lt;source file/&gt;</c>: a disk image holding the filesystem.</summary>
public sealed record FileFilesystemSource(string File) : FilesystemSource
{
    public override FilesystemType Type => FilesystemType.File;
}

/// <summary><c>&lt;source dev/&gt;</c>: a host block device holding the filesystem.</summary>
public sealed record BlockFilesystemSource(string Dev) : FilesystemSource
{
    public override FilesystemType Type => FilesystemType.Block;
}

/// <summary><c>&lt;source usage units/&gt;</c>: a RAM filesystem of the given size.</summary>
public sealed record RamFilesystemSource(MemorySize Usage) : FilesystemSource
{
    public override FilesystemType Type => FilesystemType.Ram;
}

public enum FilesystemType { Mount, Template, File, Block, Ram, Bind }

public enum FilesystemAccessMode { Passthrough, Mapped, Squash }

public enum FilesystemDriverType { Path, Handle, Loop, Nbd }

public enum FilesystemWritePolicy { Immediate }

public static class FilesystemXml
{
    public static readonly XmlEnum<FilesystemType> Type = new(
        ("mount", FilesystemType.Mount), ("template", FilesystemType.Template), ("file", FilesystemType.File),
        ("block", FilesystemType.Block), ("ram", FilesystemType.Ram), ("bind", FilesystemType.Bind));

    public static readonly XmlEnum<FilesystemAccessMode> AccessMode = new(
        ("passthrough", FilesystemAccessMode.Passthrough), ("mapped", FilesystemAccessMode.Mapped),
        ("squash", FilesystemAccessMode.Squash));

    public static readonly XmlEnum<FilesystemDriverType> DriverType = new(
        ("path", FilesystemDriverType.Path), ("handle", FilesystemDriverType.Handle),
        ("loop", FilesystemDriverType.Loop), ("nbd", FilesystemDriverType.Nbd));

    public static readonly XmlEnum<FilesystemWritePolicy> WritePolicy = new(("immediate", FilesystemWritePolicy.Immediate));
}
