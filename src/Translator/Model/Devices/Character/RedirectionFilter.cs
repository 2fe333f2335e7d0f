using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;redirfilter&gt;</c>: which USB devices may be redirected into the guest. The rules are
/// tried in document order; the first one that matches a device decides.
/// </summary>
public sealed record RedirectionFilter
{
    public ImmutableArray<UsbRedirectionRule> Rules { get; init; } = [];
    public SourceLocation Location { get; init; }
}

/// <summary>
/// <c>&lt;usbdev class vendor product version allow/&gt;</c>. Each criterion is null when its
/// attribute is absent and <see cref="UsbMatch{T}.Any"/> when it is <c>-1</c>; the reference
/// implementation treats both as matching every device.
/// </summary>
public sealed record UsbRedirectionRule
{
    /// <summary>The USB device class code (0 to 0xFF).</summary>
    public UsbMatch<byte>? Class { get; init; }

    public UsbMatch<ushort>? Vendor { get; init; }
    public UsbMatch<ushort>? Product { get; init; }

    /// <summary>The device's USB version (<c>bcdDevice</c>), e.g. <c>2.0</c>.</summary>
    public UsbMatch<UsbVersion>? Version { get; init; }

    public required bool Allow { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>A filter criterion: one value, or any value (written <c>-1</c>).</summary>
public readonly record struct UsbMatch<T>(T? Value) where T : struct
{
    public static UsbMatch<T> Any => default;

    public bool IsAny => Value is null;
}

/// <summary>
/// A USB version as written <c>MAJOR.MINOR</c>, each one or two decimal digits. A one-digit minor is
/// tenths, as in the USB binary-coded form: <c>1.1</c> is minor 10, the same as <c>1.10</c>.
/// </summary>
public readonly record struct UsbVersion(byte Major, byte Minor)
{
    /// <summary>The binary-coded decimal form USB descriptors use, e.g. 0x0110 for 1.10.</summary>
    public ushort ToBcd() => (ushort)((Major / 10 << 12) | (Major % 10 << 8) | (Minor / 10 << 4) | (Minor % 10));

    public override string ToString() => $"{Major}.{Minor:D2}";
}
