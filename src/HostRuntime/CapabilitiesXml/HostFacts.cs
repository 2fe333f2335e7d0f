using System.Collections.Immutable;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// What the capabilities documents need to know about this host besides the emulator: plain data,
/// read once by <see cref="HostFactsReader"/> (or written by hand in tests).
/// </summary>
public sealed record HostFacts
{
    /// <summary>The host arch in libvirt's spelling (<c>x86_64</c>).</summary>
    public required string Arch { get; init; }

    /// <summary><c>/dev/kvm</c> exists and opens read-write for this user.</summary>
    public bool KvmUsable { get; init; }

    /// <summary>VFIO device assignment works here: IOMMU groups exist and <c>/dev/vfio/vfio</c> is present.</summary>
    public bool VfioUsable { get; init; }

    /// <summary>Firmware description files in priority order (what QEMU's interop rules say wins).</summary>
    public ImmutableArray<FirmwareDescriptor> Firmware { get; init; } = [];
}
