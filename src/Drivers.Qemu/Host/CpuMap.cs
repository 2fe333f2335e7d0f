using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// libvirt's CPU model map (the <c>cpu_map.xml</c> format): per architecture family, the CPU
/// vendors, the features with their CPUID bits and the named CPU models. Read with <see cref="CpuMapParser"/>.
/// </summary>
public sealed record CpuMap
{
    public ImmutableArray<CpuMapArch> Arches { get; init; } = [];

    public CpuMapArch? Arch(string name) => Arches.FirstOrDefault(a => a.Name == name);

    /// <summary>The family for a guest arch: <c>i686</c> and <c>x86_64</c> share <c>x86</c>; others use their own name.</summary>
    public CpuMapArch? ForGuestArch(string guestArch) =>
        Arch(guestArch is "i686" or "i386" or "x86_64" ? "x86" : guestArch);
}
