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
        if (features.Hyperv is { } hyperv)
            foreach (var use in Hyperv(hyperv)) yield return use;
        if (features.Kvm is { } kvm) yield return (kvm.Location, "<features><kvm>");
        foreach (var (name, feature) in Switches(features))
            if (feature is not null) yield return (feature.Location, $"<features><{name}>");
        if (features.Smm is { } smm) yield return (smm.Location, "<features><smm>");
        if (features.Ioapic is { } ioapic) yield return (ioapic.Location, "<features><ioapic>");
        if (features.Msrs is { } msrs) yield return (msrs.Location, "<features><msrs>");
        if (features.Xen is { } xen) yield return (xen.Location, "<features><xen>");
        if (features.Tcg is { } tcg) yield return (tcg.Location, "<features><tcg>");
    }

    private static IEnumerable<(string, FeatureSwitch?)> Switches(Features f) =>
        [("pvspinlock", f.Pvspinlock), ("pmu", f.Pmu), ("vmport", f.Vmport), ("vmcoreinfo", f.Vmcoreinfo), ("htm", f.Htm)];

    private static IEnumerable<(SourceLocation, string)> Hyperv(HypervFeatures h)
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
}
