using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;features&gt;</c> and <c>&lt;pm&gt;</c>.</summary>
internal static class FeaturesParser
{
    public static Features? Features(ElementReader domain)
    {
        var features = domain.Child("features");
        if (features is null) return null;
        var apic = features.Child("apic");
        var hyperv = features.Child("hyperv");
        return new Features
        {
            Pae = features.Child("pae") is not null,
            Acpi = features.Child("acpi") is not null,
            Apic = apic is not null,
            ApicEoi = apic?.OnOff("eoi"),
            Hap = features.Child("hap") is not null,
            Viridian = features.Child("viridian") is not null,
            Privnet = features.Child("privnet") is not null,
            Hyperv = hyperv is null ? null : new HypervFeatures { Relaxed = hyperv.Child("relaxed")?.OnOff("state") },
        };
    }

    public static PowerManagement? PowerManagement(ElementReader domain)
    {
        var pm = domain.Child("pm");
        if (pm is null) return null;
        return new PowerManagement
        {
            SuspendToMem = pm.Child("suspend-to-mem")?.YesNo("enabled"),
            SuspendToDisk = pm.Child("suspend-to-disk")?.YesNo("enabled"),
        };
    }
}
