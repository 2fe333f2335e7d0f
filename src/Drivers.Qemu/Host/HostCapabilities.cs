using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// The host's capabilities document (libvirt's <c>&lt;capabilities&gt;</c> format): the host CPU
/// and every kind of guest the host can run. Read with <see cref="HostCapabilitiesParser"/>.
/// </summary>
public sealed record HostCapabilities
{
    public string? HostUuid { get; init; }

    public HostCpu? Cpu { get; init; }

    public ImmutableArray<GuestCapability> Guests { get; init; } = [];

    /// <summary>The guest entry for an OS type and arch, or null.</summary>
    public GuestCapability? FindGuest(OsType osType, string arch) =>
        Guests.FirstOrDefault(g => g.OsType == osType && g.Arch == arch);

    /// <summary>
    /// The arch a domain gets when its XML names none: the first guest of that OS type that runs
    /// under that hypervisor type, in document order (what libvirt does).
    /// </summary>
    public string? DefaultGuestArch(OsType osType, DomainType domainType) =>
        Guests.FirstOrDefault(g => g.OsType == osType && g.Domain(domainType) is not null)?.Arch;

    /// <summary>The guest entry whose arch or hypervisor types use this emulator binary, or null.</summary>
    public GuestCapability? FindGuestByEmulator(string emulatorPath) =>
        Guests.FirstOrDefault(g => g.Emulator == emulatorPath || g.Domains.Any(d => d.Emulator == emulatorPath));
}
