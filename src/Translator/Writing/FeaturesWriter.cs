using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes <c>&lt;features&gt;</c> and <c>&lt;pm&gt;</c>.</summary>
internal static class FeaturesWriter
{
    /// <summary>The flags in the reference's order (acpi, apic, pae, hap, viridian, privnet, hyperv); none set, no element.</summary>
    public static XmlElement? Features(Features? features) =>
        features is null
            ? null
            : UnlessChildless(Element("features",
                Flag("acpi", features.Acpi),
                features.Apic ? Element("apic", OnOff("eoi", features.ApicEoi)) : null,
                Flag("pae", features.Pae),
                features.Hap ? Element("hap", OnOff("state", features.HapState)) : null,
                Flag("viridian", features.Viridian),
                Flag("privnet", features.Privnet),
                features.Hyperv is { } hyperv ? Hyperv(hyperv) : null,
                Kvm(features.Kvm),
                Switch("pvspinlock", features.Pvspinlock),
                Switch("pmu", features.Pmu),
                Switch("vmport", features.Vmport),
                features.Smm is { } smm ? Element("smm", OnOff("state", smm.State), GeneralWriter.Size("tseg", smm.Tseg)) : null,
                features.Ioapic is { } ioapic ? Element("ioapic", Attr("driver", ioapic.Driver, FeatureEnumsXml.Ioapic)) : null,
                Switch("vmcoreinfo", features.Vmcoreinfo),
                Switch("htm", features.Htm),
                features.Msrs is { } msrs ? Element("msrs", Attr("unknown", msrs.Unknown, FeatureEnumsXml.Msrs)) : null,
                features.Xen is { } xen
                    ? Element("xen",
                        Switch("e820_host", xen.E820Host),
                        Switch("passthrough", xen.Passthrough, Attr("mode", xen.PassthroughMode, FeatureEnumsXml.XenPassthrough)))
                    : null,
                features.Tcg is { } tcg ? Element("tcg", GeneralWriter.Size("tb-cache", tcg.TbCache)) : null));

    /// <summary>An element with an optional state attribute (and any further attributes), or null when absent.</summary>
    private static XmlElement? Switch(string name, FeatureSwitch? feature, XmlAttribute? more = null) =>
        feature is null ? null : Element(name, OnOff("state", feature.State), more);

    /// <summary>The enlightenments in libvirt's order.</summary>
    private static XmlElement Hyperv(HypervFeatures hyperv) =>
        Element("hyperv",
            Attr("mode", hyperv.Mode, FeatureEnumsXml.HypervMode),
            hyperv.Relaxed is null ? null : Element("relaxed", OnOff("state", hyperv.Relaxed)),
            Switch("vapic", hyperv.Vapic),
            Switch("spinlocks", hyperv.Spinlocks, Attr("retries", hyperv.SpinlockRetries)),
            Switch("vpindex", hyperv.Vpindex),
            Switch("runtime", hyperv.Runtime),
            Switch("synic", hyperv.Synic),
            hyperv.Stimer is { } stimer ? Element("stimer", OnOff("state", stimer.State), Switch("direct", hyperv.StimerDirect)) : null,
            Switch("reset", hyperv.Reset),
            Switch("vendor_id", hyperv.VendorId, Attr("value", hyperv.VendorIdValue)),
            Switch("frequencies", hyperv.Frequencies),
            Switch("reenlightenment", hyperv.Reenlightenment),
            Switch("tlbflush", hyperv.Tlbflush),
            Switch("ipi", hyperv.Ipi),
            Switch("evmcs", hyperv.Evmcs),
            Switch("avic", hyperv.Avic));

    private static XmlElement? Kvm(KvmFeatures? kvm) =>
        kvm is null
            ? null
            : Element("kvm",
                Switch("hidden", kvm.Hidden),
                Switch("hint-dedicated", kvm.HintDedicated),
                Switch("poll-control", kvm.PollControl),
                Switch("pv-ipi", kvm.PvIpi),
                Switch("dirty-ring", kvm.DirtyRing, Attr("size", kvm.DirtyRingSize)));

    public static XmlElement? PowerManagement(PowerManagement? pm) =>
        pm is null
            ? null
            : UnlessChildless(Element("pm",
                pm.SuspendToMem is null ? null : Element("suspend-to-mem", YesNo("enabled", pm.SuspendToMem)),
                pm.SuspendToDisk is null ? null : Element("suspend-to-disk", YesNo("enabled", pm.SuspendToDisk))));
}
