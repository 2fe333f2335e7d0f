using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;launchSecurity type&gt;</c>: a confidential guest, AMD SEV (with its settings) or s390
/// protected virtualization (no settings).
/// </summary>
public sealed record LaunchSecurity
{
    public required LaunchSecurityType Type { get; init; }
    /// <summary><c>kernelHashes='yes|no'</c> (SEV).</summary>
    public bool? KernelHashes { get; init; }
    public uint? CbitPos { get; init; }
    public uint? ReducedPhysBits { get; init; }
    /// <summary>The SEV guest policy (hexadecimal in the document); required for SEV.</summary>
    public uint? Policy { get; init; }
    public uint? Handle { get; init; }
    public string? DhCert { get; init; }
    public string? Session { get; init; }
    public SourceLocation Location { get; init; }
}

public enum LaunchSecurityType { Sev, S390Pv }

public static class LaunchSecurityXml
{
    public static readonly XmlEnum<LaunchSecurityType> Type = new(("sev", LaunchSecurityType.Sev), ("s390-pv", LaunchSecurityType.S390Pv));
}
