using DomainLauncher.Translator.Diagnostics;
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
            HapState = features.Child("hap")?.OnOff("state"),
            Viridian = features.Child("viridian") is not null,
            Privnet = features.Child("privnet") is not null,
            Hyperv = hyperv is null ? null : Hyperv(hyperv),
            Kvm = Kvm(features.Child("kvm")),
            Pvspinlock = Switch(features.Child("pvspinlock")),
            Pmu = Switch(features.Child("pmu")),
            Vmport = Switch(features.Child("vmport")),
            Smm = Smm(features.Child("smm")),
            Ioapic = features.Child("ioapic") is { } ioapic
                ? new IoapicFeature(ioapic.Enum("driver", FeatureEnumsXml.Ioapic)) { Location = ioapic.Location }
                : null,
            Vmcoreinfo = Switch(features.Child("vmcoreinfo")),
            Htm = Switch(features.Child("htm")),
            Msrs = features.Child("msrs") is { } msrs && msrs.RequiredEnum("unknown", FeatureEnumsXml.Msrs) is { } unknown
                ? new MsrsFeature(unknown) { Location = msrs.Location }
                : null,
            Xen = Xen(features.Child("xen")),
            Tcg = features.Child("tcg") is { } tcg
                ? new TcgFeatures { TbCache = tcg.Child("tb-cache") is { } cache ? CommonParsers.MemoryElement(cache) : null, Location = tcg.Location }
                : null,
            Location = features.Location,
        };
    }

    /// <summary>A feature element with an optional on/off state; null when absent.</summary>
    private static FeatureSwitch? Switch(ElementReader? element) =>
        element is null ? null : new FeatureSwitch(element.OnOff("state")) { Location = element.Location };

    private static HypervFeatures Hyperv(ElementReader hyperv)
    {
        var spinlocks = hyperv.Child("spinlocks");
        var stimer = hyperv.Child("stimer");
        var vendorId = hyperv.Child("vendor_id");
        var vendorIdValue = vendorId?.Attr("value");
        if (vendorIdValue is not null && (vendorIdValue.Length > 12 || vendorIdValue.Contains(',')))
        {
            vendorId!.AttrError("value", DiagnosticCatalog.InvalidValue,
                $"'{vendorIdValue}' cannot be a Hyper-V vendor id: at most 12 characters and no comma");
            vendorIdValue = null;
        }
        var retries = spinlocks?.UInt("retries");
        if (retries is < 4095)
        {
            spinlocks!.AttrError("retries", DiagnosticCatalog.NumberOutOfRange, $"spinlock retries must be at least 4095, not {retries}");
            retries = null;
        }
        return new HypervFeatures
        {
            Mode = hyperv.Enum("mode", FeatureEnumsXml.HypervMode),
            Relaxed = hyperv.Child("relaxed")?.OnOff("state"),
            Vapic = Switch(hyperv.Child("vapic")),
            Spinlocks = Switch(spinlocks),
            SpinlockRetries = retries,
            Vpindex = Switch(hyperv.Child("vpindex")),
            Runtime = Switch(hyperv.Child("runtime")),
            Synic = Switch(hyperv.Child("synic")),
            Stimer = Switch(stimer),
            StimerDirect = Switch(stimer?.Child("direct")),
            Reset = Switch(hyperv.Child("reset")),
            VendorId = Switch(vendorId),
            VendorIdValue = vendorIdValue,
            Frequencies = Switch(hyperv.Child("frequencies")),
            Reenlightenment = Switch(hyperv.Child("reenlightenment")),
            Tlbflush = Switch(hyperv.Child("tlbflush")),
            Ipi = Switch(hyperv.Child("ipi")),
            Evmcs = Switch(hyperv.Child("evmcs")),
            Avic = Switch(hyperv.Child("avic")),
            Location = hyperv.Location,
        };
    }

    private static KvmFeatures? Kvm(ElementReader? kvm)
    {
        if (kvm is null) return null;
        var dirtyRing = kvm.Child("dirty-ring");
        var size = dirtyRing?.UInt("size");
        // KVM takes a power of two between 1024 and 65536 entries.
        if (size is { } n && (n < 1024 || n > 65536 || (n & (n - 1)) != 0))
        {
            dirtyRing!.AttrError("size", DiagnosticCatalog.InvalidValue, $"the dirty ring size must be a power of two from 1024 to 65536, not {n}");
            size = null;
        }
        return new KvmFeatures
        {
            Hidden = Switch(kvm.Child("hidden")),
            HintDedicated = Switch(kvm.Child("hint-dedicated")),
            PollControl = Switch(kvm.Child("poll-control")),
            PvIpi = Switch(kvm.Child("pv-ipi")),
            DirtyRing = Switch(dirtyRing),
            DirtyRingSize = size,
            Location = kvm.Location,
        };
    }

    private static XenFeatures? Xen(ElementReader? xen)
    {
        if (xen is null) return null;
        var passthrough = xen.Child("passthrough");
        return new XenFeatures
        {
            E820Host = Switch(xen.Child("e820_host")),
            Passthrough = Switch(passthrough),
            PassthroughMode = passthrough?.Enum("mode", FeatureEnumsXml.XenPassthrough),
            Location = xen.Location,
        };
    }

    private static SmmFeature? Smm(ElementReader? smm)
    {
        if (smm is null) return null;
        var tseg = smm.Child("tseg");
        return new SmmFeature(smm.OnOff("state"))
        {
            // libvirt reads a unitless TSEG size as MiB.
            Tseg = tseg is null ? null : CommonParsers.MemoryElement(tseg, "MiB"),
            Location = smm.Location,
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
