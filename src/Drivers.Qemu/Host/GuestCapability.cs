using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// One kind of guest the host can run (<c>&lt;guest&gt;</c>): an OS type and an architecture with its
/// word size, default emulator, loader, machines and the hypervisor types that run it.
/// </summary>
public sealed record GuestCapability
{
    public required OsType OsType { get; init; }

    public required string Arch { get; init; }

    public uint? WordSize { get; init; }

    public string? Emulator { get; init; }

    public string? Loader { get; init; }

    public ImmutableArray<GuestMachine> Machines { get; init; } = [];

    public ImmutableArray<GuestDomainType> Domains { get; init; } = [];

    public ImmutableArray<GuestFeature> Features { get; init; } = [];

    public GuestDomainType? Domain(DomainType type) => Domains.FirstOrDefault(d => d.Type == type);

    /// <summary>The emulator for a hypervisor type: its own when it names one, else the arch's.</summary>
    public string? EmulatorFor(DomainType type) => Domain(type)?.Emulator ?? Emulator;

    /// <summary>The machines for a hypervisor type: its own when it lists any, else the arch's.</summary>
    public ImmutableArray<GuestMachine> MachinesFor(DomainType type) =>
        Domain(type) is { Machines.IsEmpty: false } domain ? domain.Machines : Machines;
}
