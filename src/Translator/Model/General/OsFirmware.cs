using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>The firmware a hypervisor picks by itself for the guest (<c>&lt;os firmware='efi|bios'&gt;</c>).</summary>
public enum OsFirmware { Bios, Efi }

/// <summary>A firmware property the automatic selection must (not) offer.</summary>
public enum FirmwareFeatureName { EnrolledKeys, SecureBoot }

/// <summary><c>&lt;firmware&gt;&lt;feature enabled name/&gt;&lt;/firmware&gt;</c>: a requirement on the automatically chosen firmware.</summary>
public sealed record FirmwareFeature(FirmwareFeatureName Name, bool Enabled);

/// <summary>How the loader image is given to the guest: as a ROM or as a pflash drive.</summary>
public enum LoaderType { Rom, Pflash }

/// <summary>
/// <c>&lt;loader readonly secure type stateless&gt;path&lt;/loader&gt;</c>'s attributes; the path is
/// <see cref="OsConfig.Loader"/>, kept there as the 0.10.2 documents had it.
/// </summary>
public sealed record LoaderSettings
{
    public bool? Readonly { get; init; }
    public bool? Secure { get; init; }
    public LoaderType? Type { get; init; }
    public bool? Stateless { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>
/// <c>&lt;nvram template&gt;path&lt;/nvram&gt;</c> or <c>&lt;nvram type&gt;&lt;source .../&gt;&lt;/nvram&gt;</c>:
/// the guest's UEFI variable store (a path, or a disk-like source of a type) and the file it is created from.
/// </summary>
public sealed record NvramConfig
{
    public string? Template { get; init; }
    public string? Path { get; init; }
    /// <summary>The <c>type</c> of a source given as a disk source (libvirt 8.5 on).</summary>
    public DiskType? SourceType { get; init; }
    public DiskSource? Source { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>An ACPI table type the host may hand the guest (only <c>slic</c> in the grammar).</summary>
public enum AcpiTableType { Slic }

/// <summary><c>&lt;acpi&gt;&lt;table type&gt;path&lt;/table&gt;&lt;/acpi&gt;</c> inside <c>&lt;os&gt;</c>.</summary>
public sealed record AcpiTable(AcpiTableType Type, string Path);

public static class OsFirmwareXml
{
    public static readonly XmlEnum<OsFirmware> Firmware = new(("bios", OsFirmware.Bios), ("efi", OsFirmware.Efi));

    public static readonly XmlEnum<FirmwareFeatureName> FeatureName = new(
        ("enrolled-keys", FirmwareFeatureName.EnrolledKeys), ("secure-boot", FirmwareFeatureName.SecureBoot));

    public static readonly XmlEnum<LoaderType> LoaderType = new(("rom", Model.LoaderType.Rom), ("pflash", Model.LoaderType.Pflash));

    public static readonly XmlEnum<AcpiTableType> AcpiTableType = new(("slic", Model.AcpiTableType.Slic));
}
