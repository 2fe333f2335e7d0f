using System.Collections.Immutable;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>A <c>targets</c> entry: a QEMU arch name (<c>x86_64</c>) and machine-type globs.</summary>
public sealed record FirmwareTarget(string Architecture, ImmutableArray<string> Machines);
