using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;shmem name role&gt;</c>: host memory shared between guests (ivshmem).</summary>
public sealed record Shmem
{
    public required string Name { get; init; }
    public ShmemRole? Role { get; init; }
    public ShmemModel? Model { get; init; }

    /// <summary><c>&lt;size unit&gt;</c>.</summary>
    public MemorySize? Size { get; init; }

    /// <summary><c>&lt;server path/&gt;</c>: present when the element is there; the path may be absent.</summary>
    public ShmemServer? Server { get; init; }

    public ShmemMsi? Msi { get; init; }
    public string? Alias { get; init; }
    public uint? AcpiIndex { get; init; }
    public DeviceAddress? Address { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;server path/&gt;</c>: the ivshmem server's socket (a host default when null).</summary>
public sealed record ShmemServer
{
    public string? Path { get; init; }
}

/// <summary><c>&lt;msi vectors ioeventfd/&gt;</c>: present when the element is there.</summary>
public sealed record ShmemMsi
{
    public uint? Vectors { get; init; }
    public bool? IoEventFd { get; init; }
}

public enum ShmemRole { Master, Peer }

public enum ShmemModel { Ivshmem, IvshmemPlain, IvshmemDoorbell }

public static class ShmemXml
{
    public static readonly XmlEnum<ShmemRole> Role = new(("master", ShmemRole.Master), ("peer", ShmemRole.Peer));

    public static readonly XmlEnum<ShmemModel> Model = new(
        ("ivshmem", ShmemModel.Ivshmem), ("ivshmem-plain", ShmemModel.IvshmemPlain),
        ("ivshmem-doorbell", ShmemModel.IvshmemDoorbell));
}
