using System.Collections.Immutable;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary><c>&lt;devices&gt;&lt;hostdev&gt;</c>: how host devices may be passed to the guest.</summary>
public sealed record HostdevCapabilities
{
    public bool Supported { get; init; }

    public ImmutableArray<HostdevMode> Mode { get; init; } = [];

    public ImmutableArray<HostdevStartupPolicy> StartupPolicy { get; init; } = [];

    public ImmutableArray<HostdevSubsysType> SubsysType { get; init; } = [];

    public ImmutableArray<HostdevCapsType> CapsType { get; init; } = [];

    public ImmutableArray<PciBackend> PciBackend { get; init; } = [];
}
