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
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}
