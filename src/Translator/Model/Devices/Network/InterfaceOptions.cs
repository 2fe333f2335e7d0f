using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// The interface settings libvirt 9 added for every interface type (mac type and check, target
/// managed, guest names, downscript, backend domain and files, MTU, coalescing, port isolation,
/// teaming, ACPI index, trustGuestRxFilters). Null fields were not given.
/// </summary>
public sealed record InterfaceOptions
{
    /// <summary><c>trustGuestRxFilters</c>: whether the host follows the guest's receive filters.</summary>
    public bool? TrustGuestRxFilters { get; init; }
    /// <summary><c>&lt;mac type&gt;</c>: whether the address was generated or given.</summary>
    public MacType? MacType { get; init; }
    /// <summary><c>&lt;mac check&gt;</c>: whether the address is checked against the host's.</summary>
    public bool? MacCheck { get; init; }
    /// <summary><c>&lt;target managed&gt;</c>: whether libvirt creates the tap device.</summary>
    public bool? TargetManaged { get; init; }
    /// <summary><c>&lt;guest dev actual/&gt;</c>: the device name inside a container.</summary>
    public string? GuestDev { get; init; }
    public string? GuestActual { get; init; }
    /// <summary><c>&lt;downscript path&gt;</c>: the script run when the interface is torn down.</summary>
    public string? DownScript { get; init; }
    /// <summary><c>&lt;backenddomain name&gt;</c> (Xen): the domain that serves the interface.</summary>
    public string? BackendDomain { get; init; }
    public InterfaceBackendFiles? Backend { get; init; }
    /// <summary><c>&lt;mtu size&gt;</c>.</summary>
    public uint? Mtu { get; init; }
    public InterfaceCoalesce? Coalesce { get; init; }
    /// <summary><c>&lt;port isolated&gt;</c>: present when the element is; its isolated value may still be null.</summary>
    public InterfacePort? Port { get; init; }
    public InterfaceTeaming? Teaming { get; init; }
    /// <summary><c>&lt;acpi index&gt;</c>: the ACPI index the guest sees.</summary>
    public uint? AcpiIndex { get; init; }
}

/// <summary><c>&lt;backend type tap vhost logFile/&gt;</c>: host files of the back-end (or passt).</summary>
public sealed record InterfaceBackendFiles
{
    public InterfaceBackendType? Type { get; init; }
    public string? Tap { get; init; }
    public string? Vhost { get; init; }
    public string? LogFile { get; init; }
}

/// <summary><c>&lt;backend type&gt;</c>: passt instead of the emulator's own user stack.</summary>
public enum InterfaceBackendType { Passt }

/// <summary><c>&lt;coalesce&gt;&lt;rx&gt;&lt;frames max/&gt;&lt;/rx&gt;&lt;/coalesce&gt;</c>.</summary>
public sealed record InterfaceCoalesce
{
    public uint? RxFramesMax { get; init; }
}

/// <summary><c>&lt;port isolated/&gt;</c>.</summary>
public sealed record InterfacePort
{
    public bool? Isolated { get; init; }
}

public enum MacType { Generated, Static }

public static class InterfaceOptionsXml
{
    public static readonly XmlEnum<MacType> MacType = new(("generated", Model.MacType.Generated), ("static", Model.MacType.Static));

    public static readonly XmlEnum<InterfaceBackendType> BackendType = new(("passt", InterfaceBackendType.Passt));
}
