using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// How the guest boots (<c>&lt;os&gt;</c>): BIOS with a boot device list, direct kernel boot, or (for
/// containers) an init program. The host bootloader of Xen PV guests sits on <see cref="Domain"/>.
/// </summary>
public sealed record OsConfig
{
    public required OsType Type { get; init; }
    public string? Arch { get; init; }
    public string? Machine { get; init; }
    /// <summary><c>&lt;os firmware&gt;</c>: firmware chosen automatically by the hypervisor.</summary>
    public OsFirmware? Firmware { get; init; }
    public ImmutableArray<FirmwareFeature> FirmwareFeatures { get; init; } = [];
    public string? Loader { get; init; }
    /// <summary>The attributes of <c>&lt;loader&gt;</c>, null when it has none.</summary>
    public LoaderSettings? LoaderSettings { get; init; }
    public NvramConfig? Nvram { get; init; }
    public ImmutableArray<BootDevice> BootDevices { get; init; } = [];
    public bool? BootMenu { get; init; }
    /// <summary><c>&lt;bootmenu timeout='ms'&gt;</c>.</summary>
    public uint? BootMenuTimeout { get; init; }
    /// <summary><c>&lt;bios useserial='yes|no'/&gt;</c>: BIOS messages on the serial console.</summary>
    public bool? BiosUseSerial { get; init; }
    /// <summary><c>&lt;bios rebootTimeout='ms'/&gt;</c>: -1 disables rebooting after a failed boot.</summary>
    public int? BiosRebootTimeout { get; init; }
    public SmbiosMode? Smbios { get; init; }
    public ImmutableArray<AcpiTable> AcpiTables { get; init; } = [];
    public string? Kernel { get; init; }
    public string? Initrd { get; init; }
    public string? Cmdline { get; init; }
    public string? Root { get; init; }
    public string? Dtb { get; init; }
    public string? Init { get; init; }
    public ImmutableArray<string> InitArgs { get; init; } = [];
    public SourceLocation Location { get; init; }
}
