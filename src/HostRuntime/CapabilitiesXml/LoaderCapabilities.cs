using System.Collections.Immutable;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// <c>&lt;os&gt;&lt;loader supported='yes'&gt;</c>: the firmware images that exist for this machine
/// (<c>&lt;value&gt;</c>), the loader types and the readonly values a domain may use.
/// </summary>
public sealed record LoaderCapabilities
{
    /// <summary>Paths of firmware images on this host that fit the machine and arch, in descriptor order.</summary>
    public ImmutableArray<string> Values { get; init; } = [];

    public ImmutableArray<LoaderType> Types { get; init; } = [];

    /// <summary>The <c>readonly</c> values accepted: yes and/or no.</summary>
    public ImmutableArray<bool> ReadOnly { get; init; } = [];
}
