using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>The <c>&lt;features&gt;</c> children and attributes libvirt 9 added, each where a domain uses it.</summary>
internal static class FeatureUses
{
    public static IEnumerable<(SourceLocation, string)> Find(Features features)
    {
        // <hap/> alone (and state='on') asks for what 0.10.2's <hap/> did; 'off' asks the opposite.
        if (features.HapState == false) yield return (features.Location, "<hap state='off'>");
        // Hyper-V, the KVM switches, pvspinlock and pmu are CPU-level: CpuPartsInUse lists them.
        if (features.Kvm?.DirtyRing is { } dirtyRing) yield return (dirtyRing.Location, "<kvm><dirty-ring>");
        foreach (var (name, feature) in Switches(features))
            if (feature is not null) yield return (feature.Location, $"<features><{name}>");
        if (features.Smm is { } smm) yield return (smm.Location, "<features><smm>");
        if (features.Ioapic is { } ioapic) yield return (ioapic.Location, "<features><ioapic>");
        if (features.Msrs is { } msrs) yield return (msrs.Location, "<features><msrs>");
        if (features.Xen is { } xen) yield return (xen.Location, "<features><xen>");
        if (features.Tcg is { } tcg) yield return (tcg.Location, "<features><tcg>");
    }

    private static IEnumerable<(string, FeatureSwitch?)> Switches(Features f) =>
        [("vmport", f.Vmport), ("vmcoreinfo", f.Vmcoreinfo), ("htm", f.Htm)];
}
