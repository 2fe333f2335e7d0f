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
    /// <summary><c>model</c>: the virtio flavour of the device.</summary>
    public DiskModel? Model { get; init; }
    /// <summary><c>multidevs</c>: how a 9p export spanning several host devices keeps inode numbers apart.</summary>
    public FilesystemMultiDevs? MultiDevs { get; init; }
    /// <summary><c>fmode</c>: the mode of files created through the export (octal in the document).</summary>
    public uint? FileMode { get; init; }
    /// <summary><c>dmode</c>: the mode of directories created through the export (octal in the document).</summary>
    public uint? DirectoryMode { get; init; }
    public FilesystemDriver? Driver { get; init; }
    /// <summary><c>&lt;binary&gt;</c>: the virtiofsd daemon and its settings.</summary>
    public VirtiofsBinary? Binary { get; init; }
    public required FilesystemSource Source { get; init; }
    /// <summary><c>&lt;target dir/&gt;</c>: a mount point, or for QEMU the 9p mount tag.</summary>
    public required string TargetDir { get; init; }
    public bool ReadOnly { get; init; }
    public uint? BootOrder { get; init; }
    /// <summary><c>&lt;acpi index&gt;</c>: the ACPI index the guest sees.</summary>
    public uint? AcpiIndex { get; init; }
    /// <summary><c>&lt;space_hard_limit&gt;</c>, in bytes (container drivers).</summary>
    public ulong? SpaceHardLimitBytes { get; init; }
    /// <summary><c>&lt;space_soft_limit&gt;</c>, in bytes (container drivers).</summary>
    public ulong? SpaceSoftLimitBytes { get; init; }
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
    /// <summary><c>queue</c> (virtiofs): the request queue size.</summary>
    public uint? Queue { get; init; }
    public VirtioOptions? Virtio { get; init; }
}

/// <summary>
/// <c>&lt;binary path xattr&gt;&lt;cache mode/&gt;&lt;sandbox mode/&gt;&lt;lock posix flock/&gt;&lt;thread_pool size/&gt;&lt;/binary&gt;</c>:
/// how virtiofsd runs.
/// </summary>
public sealed record VirtiofsBinary
{
    public string? Path { get; init; }
    public bool? Xattr { get; init; }
    public VirtiofsCacheMode? CacheMode { get; init; }
    public VirtiofsSandboxMode? SandboxMode { get; init; }
    public bool? LockPosix { get; init; }
    public bool? LockFlock { get; init; }
    public long? ThreadPoolSize { get; init; }
    public SourceLocation Location { get; init; }
}

public enum VirtiofsCacheMode { None, Always }

public enum VirtiofsSandboxMode { Namespace, Chroot }

public enum FilesystemMultiDevs { Default, Remap, Forbid, Warn }

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

/// <summary><c>&lt;source socket/&gt;</c>: a mount served by an externally started virtiofsd.</summary>
public sealed record SocketMountFilesystemSource(string Socket) : FilesystemSource
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

public enum FilesystemDriverType { Path, Handle, Loop, Nbd, Ploop, Virtiofs }

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
        ("loop", FilesystemDriverType.Loop), ("nbd", FilesystemDriverType.Nbd),
        ("ploop", FilesystemDriverType.Ploop), ("virtiofs", FilesystemDriverType.Virtiofs));

    public static readonly XmlEnum<FilesystemMultiDevs> MultiDevs = new(
        ("default", FilesystemMultiDevs.Default), ("remap", FilesystemMultiDevs.Remap),
        ("forbid", FilesystemMultiDevs.Forbid), ("warn", FilesystemMultiDevs.Warn));

    public static readonly XmlEnum<VirtiofsCacheMode> CacheMode = new(("none", VirtiofsCacheMode.None), ("always", VirtiofsCacheMode.Always));

    public static readonly XmlEnum<VirtiofsSandboxMode> SandboxMode = new(
        ("namespace", VirtiofsSandboxMode.Namespace), ("chroot", VirtiofsSandboxMode.Chroot));

    public static readonly XmlEnum<FilesystemWritePolicy> WritePolicy = new(("immediate", FilesystemWritePolicy.Immediate));
}
