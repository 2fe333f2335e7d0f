using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;hostdev mode type managed&gt;</c>: a host device given to the guest. The source's record
/// type says the mode and type (a USB or PCI subsystem device, or a capabilities device for
/// containers).
/// </summary>
public sealed record HostDevice
{
    public required HostDeviceSource Source { get; init; }
    /// <summary><c>managed='yes|no'</c>: whether a PCI device is detached from its host driver for the guest.</summary>
    public bool? Managed { get; init; }
    public uint? BootOrder { get; init; }
    public RomSettings? Rom { get; init; }
    /// <summary><c>&lt;acpi index&gt;</c>: the ACPI index the guest sees.</summary>
    public uint? AcpiIndex { get; init; }
    /// <summary><c>&lt;readonly/&gt;</c> (SCSI devices).</summary>
    public bool ReadOnly { get; init; }
    /// <summary><c>&lt;shareable/&gt;</c> (SCSI devices).</summary>
    public bool Shareable { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}
