using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// Every use, in a domain, of the CPU-level settings libvirt 9's schema added: CPU modes and
/// properties (maximum, migratable, cache, maximum physical address width), Hyper-V enlightenments,
/// KVM's paravirtual switches, paravirtual spinlocks, the PMU and the Hyper-V clock. On QEMU they
/// are properties of <c>-cpu</c>, which the QEMU driver writes for emulators that describe their own
/// CPU models; every other driver and emulator refuses them (through <see cref="GeneralPartsInUse.Find"/>).
/// </summary>
public static class CpuPartsInUse
{
    public static IEnumerable<(SourceLocation Location, string What)> Find(Domain domain)
    {
        if (domain.Cpu is { } cpu)
        {
            if (cpu.Mode == CpuMode.Maximum) yield return (cpu.Location, "<cpu mode='maximum'>");
            if (cpu.Migratable is not null) yield return (cpu.Location, "<cpu migratable>");
            if (cpu.Cache is { } cache) yield return (cache.Location, "<cpu><cache> (the guest's CPU cache)");
            if (cpu.MaxPhysAddr is { } max) yield return (max.Location, "<maxphysaddr>");
        }
        foreach (var timer in domain.Clock?.Timers ?? [])
            if (timer.Name == TimerName.Hypervclock) yield return (timer.Location, "<timer name='hypervclock'>");
        if (domain.Features is not { } features) yield break;
        if (features.Hyperv is { } h)
        {
            if (h.Mode is { } mode) yield return (h.Location, $"<hyperv mode='{FeatureEnumsXml.HypervMode.ToXml(mode)}'>");
            (string Name, FeatureSwitch? Switch)[] switches =
            [
                ("vapic", h.Vapic), ("spinlocks", h.Spinlocks), ("vpindex", h.Vpindex), ("runtime", h.Runtime), ("synic", h.Synic),
                ("stimer", h.Stimer), ("reset", h.Reset), ("vendor_id", h.VendorId), ("frequencies", h.Frequencies),
                ("reenlightenment", h.Reenlightenment), ("tlbflush", h.Tlbflush), ("ipi", h.Ipi), ("evmcs", h.Evmcs), ("avic", h.Avic),
            ];
            foreach (var (name, feature) in switches)
                if (feature is not null) yield return (feature.Location, $"<hyperv><{name}>");
        }
        if (features.Kvm is { } kvm)
        {
            (string Name, FeatureSwitch? Switch)[] switches =
                [("hidden", kvm.Hidden), ("hint-dedicated", kvm.HintDedicated), ("poll-control", kvm.PollControl), ("pv-ipi", kvm.PvIpi)];
            foreach (var (name, feature) in switches)
                if (feature is not null) yield return (feature.Location, $"<kvm><{name}>");
        }
        if (features.Pvspinlock is { } pvspinlock) yield return (pvspinlock.Location, "<features><pvspinlock>");
        if (features.Pmu is { } pmu) yield return (pmu.Location, "<features><pmu>");
    }
}
