using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// What one emulator can give a domain of one type, machine and arch: the domain capabilities
/// document (<c>&lt;domainCapabilities&gt;</c>). Built by <see cref="DomainCapabilitiesBuilder"/>,
/// printed by <see cref="DomainCapabilitiesWriter"/>.
/// </summary>
public sealed record DomainCapabilities
{
    /// <summary>The emulator binary (<c>&lt;path&gt;</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The hypervisor type (<c>&lt;domain&gt;</c>): qemu or kvm.</summary>
    public required DomainType Domain { get; init; }

    /// <summary>The canonical (versioned) machine type (<c>&lt;machine&gt;</c>).</summary>
    public required string Machine { get; init; }

    /// <summary>The guest arch in libvirt's spelling (<c>&lt;arch&gt;</c>).</summary>
    public required string Arch { get; init; }

    /// <summary>The most vCPUs the machine takes (<c>&lt;vcpu max&gt;</c>); null when the emulator does not say.</summary>
    public uint? VcpuMax { get; init; }

    /// <summary><c>&lt;os&gt;&lt;loader&gt;</c>; null when the OS element is not supported.</summary>
    public LoaderCapabilities? Loader { get; init; }

    public required DiskCapabilities Disk { get; init; }

    public required HostdevCapabilities Hostdev { get; init; }
}
