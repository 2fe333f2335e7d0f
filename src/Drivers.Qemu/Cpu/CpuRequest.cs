using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Cpu;

/// <summary>
/// Everything <see cref="CpuArguments.Build"/> needs to decide the guest CPU: the domain's CPU
/// request and the settings that also go into <c>-cpu</c> (kvmclock timer, APIC EOI), the emulator
/// (path, capabilities, CPU models it accepts) and the host (its CPU, the CPU map, its machine).
/// </summary>
public sealed record CpuRequest
{
    public required DomainType DomainType { get; init; }

    /// <summary>The guest arch in libvirt's spelling (<c>i686</c>, <c>x86_64</c>).</summary>
    public required string Arch { get; init; }

    public required string EmulatorPath { get; init; }

    /// <summary>The emulator's guest arch (<c>x86_64</c>); empty when not known.</summary>
    public string EmulatorArch { get; init; } = "";

    /// <summary>The accelerator the domain runs under, or null where the emulator has no <c>-accel</c> (legacy sets).</summary>
    public QemuAccelerator? Accelerator { get; init; }

    /// <summary>
    /// What the emulator offers a guest CPU by accelerator (<see cref="EmulatorDescription.AcceleratorCpusSource"/>): asked only
    /// through <see cref="AcceleratorCpus"/>, by a CPU setting that depends on it, since an emulator may make them on first use.
    /// </summary>
    public AcceleratorCpusSource AcceleratorCpusSource { get; init; } = AcceleratorCpusSource.Empty;

    /// <summary>What the emulator offers a guest CPU under <see cref="Accelerator"/>, when probed.</summary>
    public AcceleratorCpus? AcceleratorCpus => Accelerator is { } accelerator ? AcceleratorCpusSource.Views.GetValueOrDefault(accelerator) : null;

    /// <summary>The domain's <c>&lt;features&gt;</c>: Hyper-V, KVM, PMU and paravirtual switches are CPU properties on modern emulators.</summary>
    public Features? Features { get; init; }

    public CpuConfig? Cpu { get; init; }

    /// <summary><c>&lt;panic model='hyperv'&gt;</c>: the guest reports crashes through Hyper-V's crash MSRs, a CPU property.</summary>
    public SourceLocation? HypervPanic { get; init; }

    /// <summary>
    /// The guest physical address space the memory map reaches with memory hotplug (<c>&lt;maxMemory&gt;</c>): the RAM,
    /// the hotplug area and a slot's alignment each, above the 4 GiB boundary and the 64-bit PCI hole; null without hotplug.
    /// </summary>
    public (ulong Bytes, SourceLocation Location)? HotplugAddressSpace { get; init; }

    /// <summary>The domain's clock timers; only <c>kvmclock</c> matters here.</summary>
    public ImmutableArray<ClockTimer> Timers { get; init; } = [];

    /// <summary><c>&lt;apic eoi='on|off'/&gt;</c>, null when not given.</summary>
    public bool? ApicEoi { get; init; }

    public QemuCapabilitySet Capabilities { get; init; } = QemuCapabilitySet.Empty;

    /// <summary>The CPU model names the emulator accepts for <c>-cpu</c>.</summary>
    public ImmutableArray<string> EmulatorCpuModels { get; init; } = [];

    public HostCpu? HostCpu { get; init; }

    public CpuMap? CpuMap { get; init; }

    /// <summary>The host's machine name as <c>uname -m</c> gives it; null means the host CPU's arch.</summary>
    public string? HostMachine { get; init; }

    /// <summary>An incoming migration: a host-model CPU keeps what the source host gave it rather than this host's CPU.</summary>
    public bool Migrating { get; init; }

    /// <summary>
    /// The CPU is about to be started (launch, check): what the accelerator cannot give the guest refuses
    /// the domain. Otherwise (to-native) the command line asks for it as the domain does, and a warning
    /// says that QEMU would start the guest without it.
    /// </summary>
    public bool RefuseUnfit { get; init; }

    /// <summary>Where to point diagnostics when the domain has no <c>&lt;cpu&gt;</c> element.</summary>
    public SourceLocation Location { get; init; }

    private const ulong GiB = 1UL << 30;

    // QEMU's PC places the hotplug area above 4 GiB and the RAM there, aligns each slot to 1 GiB, and keeps a 64-bit PCI
    // hole of up to 32 GiB above it; the sum bounds the highest guest physical address.
    private static ulong HotplugReach(Domain domain, MaxMemory max) =>
        4 * GiB + (domain.Memory?.Bytes ?? 0) + max.Size.Bytes + ((max.Slots ?? 0) + 1) * GiB + 32 * GiB;

    /// <summary>Gathers the request from a parsed domain, the emulator that will run it and the host.</summary>
    public static CpuRequest For(Domain domain, EmulatorDescription emulator, HostSettings host, bool migrating = false,
        QemuAccelerator? accelerator = null, bool refuseUnfit = false) => new()
    {
        RefuseUnfit = refuseUnfit,
        HypervPanic = domain.Devices.Panics.FirstOrDefault(p => p.Model == PanicModel.Hyperv)?.Location,
        HotplugAddressSpace = domain.MaxMemory is { } max ? (HotplugReach(domain, max), max.Location) : null,
        DomainType = domain.Type,
        Arch = domain.Os?.Arch ?? emulator.Arch,
        EmulatorPath = emulator.Path,
        EmulatorArch = emulator.Arch,
        Accelerator = accelerator,
        AcceleratorCpusSource = emulator.AcceleratorCpusSource,
        Features = domain.Features,
        Cpu = domain.Cpu,
        Timers = domain.Clock?.Timers ?? [],
        ApicEoi = domain.Features?.ApicEoi,
        Capabilities = emulator.Capabilities,
        EmulatorCpuModels = emulator.CpuModels,
        HostCpu = host.Capabilities?.Cpu,
        CpuMap = host.CpuMap,
        Migrating = migrating,
        Location = domain.Location,
    };
}
