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
                Flag("hap", features.Hap),
                Flag("viridian", features.Viridian),
                Flag("privnet", features.Privnet),
                features.Hyperv is { } hyperv
                    ? Element("hyperv", hyperv.Relaxed is null ? null : Element("relaxed", OnOff("state", hyperv.Relaxed)))
                    : null));

    public static XmlElement? PowerManagement(PowerManagement? pm) =>
        pm is null
            ? null
            : UnlessChildless(Element("pm",
                pm.SuspendToMem is null ? null : Element("suspend-to-mem", YesNo("enabled", pm.SuspendToMem)),
                pm.SuspendToDisk is null ? null : Element("suspend-to-disk", YesNo("enabled", pm.SuspendToDisk))));
}
