using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>What <c>domcapabilities</c> was asked about; each null takes the emulator's or host's default.</summary>
public sealed record DomainCapabilitiesRequest
{
    /// <summary>A machine type or its alias (<c>q35</c>); null for the emulator's default machine.</summary>
    public string? Machine { get; init; }

    /// <summary>The arch in libvirt's spelling; null for the emulator's own.</summary>
    public string? Arch { get; init; }

    /// <summary>qemu or kvm; null for kvm where it is usable, else qemu (libvirt's choice).</summary>
    public DomainType? VirtType { get; init; }
}
