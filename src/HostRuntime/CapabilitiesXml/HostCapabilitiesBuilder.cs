using DomainLauncher.Drivers.Qemu.Capabilities;
using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.CapabilitiesXml;

/// <summary>
/// Builds the host capabilities document from the host CPU, the host facts and the probe results of
/// the emulators found on PATH: one <c>&lt;guest&gt;</c> per arch, from the first emulator (in
/// <see cref="EmulatorDiscovery.Find"/>'s order) that emulates it. A pure function.
/// </summary>
public static class HostCapabilitiesBuilder
{
    public static HostCapabilities Build(HostCpu cpu, HostFacts host, IEnumerable<ProbeResult> emulators) => new()
    {
        Cpu = cpu,
        Guests =
        [
            .. emulators
                .GroupBy(p => GuestArchitectures.NameOf(p.Arch), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Guest(g.First(), host))
                .OfType<GuestCapability>(),
        ],
    };

    /// <summary>The guest an emulator runs, or null when it can run none here (no TCG and no usable KVM).</summary>
    internal static GuestCapability? Guest(ProbeResult probe, HostFacts host)
    {
        var arch = GuestArchitectures.NameOf(probe.Arch);
        var domains = ImmutableArray.CreateBuilder<GuestDomainType>();
        // TCG runs any guest anywhere; an emulator that does not list its accelerators is assumed to have it.
        if (probe.Accelerators.IsEmpty || probe.Accelerators.Contains("tcg")) domains.Add(new GuestDomainType(DomainType.Qemu));
        if (DomainCapabilitiesBuilder.KvmProblem(probe, host, arch) is null) domains.Add(new GuestDomainType(DomainType.Kvm));
        if (domains.Count == 0) return null;
        return new GuestCapability
        {
            OsType = OsType.Hvm,
            Arch = arch,
            WordSize = GuestArchitectures.FromQemuTarget(probe.Arch)?.WordSize,
            Emulator = probe.Path,
            Machines = Machines(probe),
            Domains = domains.ToImmutable(),
            Features = Features(probe, arch),
        };
    }

    /// <summary>
    /// Every machine under its canonical name, and an alias entry pointing at it right after
    /// (<c>&lt;machine canonical='pc-i440fx-7.2'&gt;pc&lt;/machine&gt;</c>). The default machine comes
    /// first, then QEMU's order; <c>none</c> (no board) is no guest machine.
    /// </summary>
    internal static ImmutableArray<GuestMachine> Machines(ProbeResult probe)
    {
        var ordered = probe.Machines.Where(m => m.Name != "none").OrderBy(m => m.IsDefault ? 0 : 1);
        var result = ImmutableArray.CreateBuilder<GuestMachine>();
        foreach (var machine in ordered)
        {
            uint? maxCpus = machine.MaxCpus is > 0 ? (uint)machine.MaxCpus.Value : null;
            result.Add(new GuestMachine(machine.Name) { MaxCpus = maxCpus, Deprecated = machine.Deprecated });
            if (machine.Alias is { } alias)
                result.Add(new GuestMachine(alias) { Canonical = machine.Name, MaxCpus = maxCpus, Deprecated = machine.Deprecated });
        }
        return result.ToImmutable();
    }

    /// <summary>The guest features and why each applies.</summary>
    internal static ImmutableArray<GuestFeature> Features(ProbeResult probe, string arch)
    {
        var features = ImmutableArray.CreateBuilder<GuestFeature>();
        var x86 = GuestArchitectureFamilies.IsX86(arch);
        // A 32-bit x86 guest may run with or without physical address extension; 64-bit always has it.
        if (arch == "i686")
        {
            features.Add(new GuestFeature("pae"));
            features.Add(new GuestFeature("nonpae"));
        }
        // PC boards have ACPI tables, on unless -no-acpi; the local APIC is always there.
        if (x86)
        {
            features.Add(new GuestFeature("acpi") { DefaultOn = true, Toggle = true });
            features.Add(new GuestFeature("apic") { DefaultOn = true, Toggle = false });
        }
        // A guest CPU model can be chosen when the emulator lists models for -cpu.
        if (!probe.CpuModels.IsEmpty) features.Add(new GuestFeature("cpuselection"));
        // Per-device boot order (bootindex) exists in every QEMU that speaks QMP's query-machines.
        features.Add(new GuestFeature("deviceboot"));
        // Disk snapshots (qcow2 internal and external overlays) are always available.
        features.Add(new GuestFeature("disksnapshot") { DefaultOn = true, Toggle = false });
        return features.ToImmutable();
    }
}
