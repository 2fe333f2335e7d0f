using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary><c>&lt;devices&gt;&lt;disk&gt;</c>: the disk devices and target buses a domain may use.</summary>
public sealed record DiskCapabilities
{
    public bool Supported { get; init; }

    public ImmutableArray<DiskDevice> DiskDevice { get; init; } = [];

    public ImmutableArray<DiskBus> Bus { get; init; } = [];
}
