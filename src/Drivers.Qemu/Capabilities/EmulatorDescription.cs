using System.Collections.Immutable;

namespace DomainLauncher.Drivers.Qemu.Capabilities;

/// <summary>
/// What the command-line builder knows about one QEMU binary: where it is, the guest architecture
/// it emulates, its version when known, its capabilities, its machine types and its CPU models.
/// Tests describe emulators by hand; later, probing a binary fills the same record.
/// </summary>
public sealed record EmulatorDescription
{
    public required string Path { get; init; }

    /// <summary>The guest architecture, in libvirt's spelling (<c>x86_64</c>, <c>i686</c>, <c>ppc64</c>).</summary>
    public required string Arch { get; init; }

    public QemuVersion? Version { get; init; }

    public QemuCapabilitySet Capabilities { get; init; } = QemuCapabilitySet.Empty;

    /// <summary>Machine types in the emulator's order.</summary>
    public ImmutableArray<MachineType> Machines { get; init; } = [];

    /// <summary>The machine used when the domain names none; null means the first of <see cref="Machines"/>.</summary>
    public string? DefaultMachineName { get; init; }

    /// <summary>CPU model names the emulator accepts for <c>-cpu</c>.</summary>
    public ImmutableArray<string> CpuModels { get; init; } = [];

    /// <summary>
    /// The CPU definitions and expansions by accelerator, when probed (TCG always; KVM where
    /// <c>/dev/kvm</c> worked); empty for descriptions written by hand and profiles recorded before.
    /// Made on first use when <see cref="AcceleratorCpusSource"/> says so.
    /// </summary>
    public ImmutableDictionary<Build.QemuAccelerator, AcceleratorCpus> AcceleratorCpus
    {
        get => AcceleratorCpusSource.Views;
        init => AcceleratorCpusSource = new AcceleratorCpusSource(value);
    }

    /// <summary>Where <see cref="AcceleratorCpus"/> come from: given as they are, or made on first use (a probe cache entry's).</summary>
    public AcceleratorCpusSource AcceleratorCpusSource { get; init; } = AcceleratorCpusSource.Empty;

    /// <summary>The <c>-device</c> drivers the emulator has, when probed; empty means not known (descriptions written by hand).</summary>
    public ImmutableArray<string> DeviceTypes { get; init; } = [];

    /// <summary>The <c>-audiodev</c> drivers the emulator was built with (<c>alsa</c>, <c>pa</c>...), when probed; empty means not known.</summary>
    public ImmutableArray<string> AudiodevDrivers { get; init; } = [];

    public bool Has(QemuCapability capability) => Capabilities.Has(capability);

    public MachineType? DefaultMachine =>
        DefaultMachineName is null ? (Machines.IsEmpty ? null : Machines[0]) : FindMachine(DefaultMachineName);

    public MachineType? FindMachine(string name)
    {
        // The planner and several checks ask for a document's machine, among the hundreds a recorded emulator lists:
        // the thread's last answer is kept (a static: no part of the record's value), and asked again it is that.
        if (t_lastMachine is { } last && ReferenceEquals(last.Emulator, this) && last.Name == name) return last.Machine;
        MachineType? found = null;
        // A loop, not FirstOrDefault with a lambda: asked a few times per document, it would allocate its closure each time.
        foreach (var machine in Machines)
        {
            if (SameName(machine.Name, name))
            {
                found = machine;
                break;
            }
        }
        t_lastMachine = new LastMachine(this, name, found);
        return found;
    }

    [ThreadStatic] private static LastMachine? t_lastMachine;

    private sealed record LastMachine(EmulatorDescription Emulator, string Name, MachineType? Machine);

    /// <summary>The canonical name for a machine name (an alias resolves to its target); unknown names pass through.</summary>
    public string CanonicalMachine(string name) => FindMachine(name)?.Resolved ?? name;

    /// <summary>What the emulator offers a guest CPU under <paramref name="accelerator"/>, or null when not probed.</summary>
    public AcceleratorCpus? CpusFor(Build.QemuAccelerator accelerator) => AcceleratorCpus.GetValueOrDefault(accelerator);

    public bool SupportsCpuModel(string model) => Lists(CpuModels, model);

    /// <summary>Whether the emulator has a <c>-device</c> driver; always true when its device types are not known.</summary>
    public bool HasDeviceType(string type) => DeviceTypes.IsEmpty || Lists(DeviceTypes, type);

    /// <summary>Whether the emulator has an <c>-audiodev</c> driver; always true when its drivers are not known.</summary>
    public bool HasAudiodevDriver(string driver) => AudiodevDrivers.IsEmpty || Lists(AudiodevDrivers, driver);

    // A recorded emulator lists hundreds of machines, CPU models and device types, and a document asks
    // for several: a loop that compares lengths before calling String.Equals passes most names by
    // without the call (Contains with a comparer went through the array boxed and the comparer's interface).
    private static bool Lists(ImmutableArray<string> names, string name)
    {
        foreach (var listed in names.AsSpan())
            if (SameName(listed, name)) return true;
        return false;
    }

    private static bool SameName(string listed, string name) => listed.Length == name.Length && listed == name;
}
