using System.Collections.Immutable;
using System.Globalization;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;qemu:override&gt;</c>: properties set on QEMU devices, by alias, behind libvirt's back.
/// Like raw arguments they are not checked against anything, so a domain using them is tainted.
/// </summary>
public sealed record QemuOverride
{
    public ImmutableArray<QemuDeviceOverride> Devices { get; init; } = [];
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;qemu:device alias&gt;&lt;qemu:frontend&gt;</c> with its property settings in document order.</summary>
public sealed record QemuDeviceOverride
{
    public required string Alias { get; init; }
    public ImmutableArray<QemuPropertyOverride> Frontend { get; init; } = [];
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;qemu:property name type value/&gt;</c>; a 'remove' has no value.</summary>
public sealed record QemuPropertyOverride(string Name, QemuPropertyType Type, string? Value);

public enum QemuPropertyType { String, Signed, Unsigned, Bool, Remove }

/// <summary><c>&lt;qemu:deprecation behavior/&gt;</c>: what QEMU does when a deprecated feature is used.</summary>
public sealed record QemuDeprecation
{
    public required QemuDeprecationBehavior Behavior { get; init; }
    public SourceLocation Location { get; init; }
}

public enum QemuDeprecationBehavior { None, Omit, Reject, Crash }

public static class QemuOverrideXml
{
    public static readonly XmlEnum<QemuPropertyType> PropertyType = new(
        ("string", QemuPropertyType.String), ("signed", QemuPropertyType.Signed), ("unsigned", QemuPropertyType.Unsigned),
        ("bool", QemuPropertyType.Bool), ("remove", QemuPropertyType.Remove));

    /// <summary>Whether a property's value is one of its type: a decimal integer (signed or not), 'true' or 'false'; any string.</summary>
    public static bool ValueFits(QemuPropertyType type, string value) => type switch
    {
        QemuPropertyType.Signed => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        QemuPropertyType.Unsigned => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        QemuPropertyType.Bool => value is "true" or "false",
        _ => true,
    };

    public static string ValueDescription(QemuPropertyType type) => type switch
    {
        QemuPropertyType.Signed => "a signed 64-bit decimal integer",
        QemuPropertyType.Unsigned => "an unsigned 64-bit decimal integer",
        QemuPropertyType.Bool => "'true' or 'false'",
        _ => "a string",
    };

    public static readonly XmlEnum<QemuDeprecationBehavior> Behavior = new(
        ("none", QemuDeprecationBehavior.None), ("omit", QemuDeprecationBehavior.Omit),
        ("reject", QemuDeprecationBehavior.Reject), ("crash", QemuDeprecationBehavior.Crash));
}
