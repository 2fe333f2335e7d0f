using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>The <c>&lt;features&gt;</c> children and attributes libvirt 9 added, each where a domain uses it.</summary>
internal static class FeatureUses
{
    /// <summary>Adds the uses to <paramref name="uses"/>.</summary>
    public static void Add(Features features, List<(SourceLocation Location, string What)> uses)
    {
        // <hap/> alone (and state='on') asks for what 0.10.2's <hap/> did; 'off' asks the opposite.
        if (features.HapState == false) uses.Add((features.Location, "<hap state='off'>"));
        // Hyper-V, the KVM switches, pvspinlock and pmu are CPU-level: CpuPartsInUse lists them.
        if (features.Kvm?.DirtyRing is { } dirtyRing) uses.Add((dirtyRing.Location, "<kvm><dirty-ring>"));
        Switch(features.Vmport, "vmport", uses);
        Switch(features.Vmcoreinfo, "vmcoreinfo", uses);
        Switch(features.Htm, "htm", uses);
        if (features.Smm is { } smm) uses.Add((smm.Location, "<features><smm>"));
        if (features.Ioapic is { } ioapic) uses.Add((ioapic.Location, "<features><ioapic>"));
        if (features.Msrs is { } msrs) uses.Add((msrs.Location, "<features><msrs>"));
        if (features.Xen is { } xen) uses.Add((xen.Location, "<features><xen>"));
        if (features.Tcg is { } tcg) uses.Add((tcg.Location, "<features><tcg>"));
    }

    private static void Switch(FeatureSwitch? feature, string name, List<(SourceLocation Location, string What)> uses)
    {
        if (feature is not null) uses.Add((feature.Location, $"<features><{name}>"));
    }
}
