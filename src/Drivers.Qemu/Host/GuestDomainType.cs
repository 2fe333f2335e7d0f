using System.Collections.Immutable;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>
/// A hypervisor type a guest arch can run under (<c>&lt;domain type='kvm'&gt;</c>), with its own
/// emulator and machines when they differ from the arch's.
/// </summary>
public sealed record GuestDomainType(DomainType Type)
{
    public string? Emulator { get; init; }

    public ImmutableArray<GuestMachine> Machines { get; init; } = [];
}
