using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// A <c>&lt;smartcard mode='...'&gt;</c>: a USB CCID reader in the guest whose cards come from the
/// host. A closed family chosen by <c>mode</c>.
/// </summary>
public abstract record Smartcard
{
    private protected Smartcard() { }

    public abstract SmartcardMode Mode { get; }

    /// <summary>The slot on a CCID controller; the only address type a smartcard may have.</summary>
    public CcidAddress? Address { get; init; }

    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

public enum SmartcardMode
{
    Host,
    HostCertificates,
    Passthrough,
}

public static class SmartcardModeXml
{
    public static readonly XmlEnum<SmartcardMode> Table = new(
        ("host", SmartcardMode.Host), ("host-certificates", SmartcardMode.HostCertificates),
        ("passthrough", SmartcardMode.Passthrough));
}

/// <summary><c>mode='host'</c>: the emulator uses the host's smartcard through NSS.</summary>
public sealed record HostSmartcard : Smartcard
{
    public override SmartcardMode Mode => SmartcardMode.Host;
}

/// <summary>
/// <c>mode='host-certificates'</c>: three NSS certificate names (the three
/// <c>&lt;certificate&gt;</c> elements, in order) from the host database <see cref="Database"/>
/// (an absolute directory; the NSS default when absent).
/// </summary>
public sealed record HostCertificatesSmartcard : Smartcard
{
    public override SmartcardMode Mode => SmartcardMode.HostCertificates;

    /// <summary>Always exactly three names, as written.</summary>
    public required ImmutableArray<string> Certificates { get; init; }

    public string? Database { get; init; }
}

/// <summary>
/// <c>mode='passthrough'</c>: requests are tunnelled through a character device (the element's
/// <c>type</c> with its source children) to a third-party smartcard provider.
/// </summary>
public sealed record PassthroughSmartcard : Smartcard
{
    public override SmartcardMode Mode => SmartcardMode.Passthrough;
    public required CharSource Source { get; init; }
}
