using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// Hypervisor features (<c>&lt;features&gt;</c>): each is present or not; APIC may carry an EOI
/// setting and Hyper-V its own switches.
/// </summary>
public sealed record Features
{
    public bool Pae { get; init; }
    public bool Acpi { get; init; }
    public bool Apic { get; init; }
    /// <summary><c>&lt;apic eoi='on|off'/&gt;</c>, absent when not given.</summary>
    public bool? ApicEoi { get; init; }
    public bool Hap { get; init; }
    /// <summary><c>&lt;hap state='on|off'/&gt;</c> (libvirt 9); absent when not given.</summary>
    public bool? HapState { get; init; }
    public bool Viridian { get; init; }
    public bool Privnet { get; init; }
    public HypervFeatures? Hyperv { get; init; }
    public KvmFeatures? Kvm { get; init; }
    public FeatureSwitch? Pvspinlock { get; init; }
    public FeatureSwitch? Pmu { get; init; }
    public FeatureSwitch? Vmport { get; init; }
    public SmmFeature? Smm { get; init; }
    public IoapicFeature? Ioapic { get; init; }
    public FeatureSwitch? Vmcoreinfo { get; init; }
    public FeatureSwitch? Htm { get; init; }
    public MsrsFeature? Msrs { get; init; }
    public XenFeatures? Xen { get; init; }
    public TcgFeatures? Tcg { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>
/// <c>&lt;hyperv mode&gt;</c> and its enlightenments, each an on/off switch (absent when not given);
/// <see cref="Relaxed"/> keeps the 0.10.2 shape.
/// </summary>
public sealed record HypervFeatures
{
    public HypervMode? Mode { get; init; }
    public bool? Relaxed { get; init; }
    public FeatureSwitch? Vapic { get; init; }
    public FeatureSwitch? Spinlocks { get; init; }
    /// <summary><c>&lt;spinlocks retries='N'/&gt;</c>.</summary>
    public uint? SpinlockRetries { get; init; }
    public FeatureSwitch? Vpindex { get; init; }
    public FeatureSwitch? Runtime { get; init; }
    public FeatureSwitch? Synic { get; init; }
    public FeatureSwitch? Stimer { get; init; }
    /// <summary><c>&lt;stimer&gt;&lt;direct state/&gt;&lt;/stimer&gt;</c>.</summary>
    public FeatureSwitch? StimerDirect { get; init; }
    public FeatureSwitch? Reset { get; init; }
    public FeatureSwitch? VendorId { get; init; }
    /// <summary><c>&lt;vendor_id value='...'/&gt;</c>: at most 12 characters, no comma.</summary>
    public string? VendorIdValue { get; init; }
    public FeatureSwitch? Frequencies { get; init; }
    public FeatureSwitch? Reenlightenment { get; init; }
    public FeatureSwitch? Tlbflush { get; init; }
    public FeatureSwitch? Ipi { get; init; }
    public FeatureSwitch? Evmcs { get; init; }
    public FeatureSwitch? Avic { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>Hyper-V enlightenments listed one by one (custom) or all the host has (passthrough).</summary>
public enum HypervMode { Custom, Passthrough }

/// <summary>A feature element with an optional <c>state='on|off'</c>: present (not null) when the document names it.</summary>
public sealed record FeatureSwitch(bool? State)
{
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;kvm&gt;</c>: switches of the KVM paravirtual interface.</summary>
public sealed record KvmFeatures
{
    public FeatureSwitch? Hidden { get; init; }
    public FeatureSwitch? HintDedicated { get; init; }
    public FeatureSwitch? PollControl { get; init; }
    public FeatureSwitch? PvIpi { get; init; }
    public FeatureSwitch? DirtyRing { get; init; }
    /// <summary><c>&lt;dirty-ring size='N'/&gt;</c>: entries per vCPU.</summary>
    public uint? DirtyRingSize { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;xen&gt;</c>: the host e820 map and PCI passthrough mode of a Xen guest.</summary>
public sealed record XenFeatures
{
    public FeatureSwitch? E820Host { get; init; }
    public FeatureSwitch? Passthrough { get; init; }
    public XenPassthroughMode? PassthroughMode { get; init; }
    public SourceLocation Location { get; init; }
}

public enum XenPassthroughMode { SyncPt, SharePt }

/// <summary><c>&lt;smm state&gt;&lt;tseg unit&gt;N&lt;/tseg&gt;&lt;/smm&gt;</c>: System Management Mode and its TSEG size.</summary>
public sealed record SmmFeature(bool? State)
{
    public MemorySize? Tseg { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary><c>&lt;ioapic driver='qemu|kvm'/&gt;</c>: which side emulates the IOAPIC.</summary>
public sealed record IoapicFeature(IoapicDriver? Driver)
{
    public SourceLocation Location { get; init; }
}

public enum IoapicDriver { Qemu, Kvm }

/// <summary><c>&lt;msrs unknown='ignore|fault'/&gt;</c>: what guest access to an unknown MSR does.</summary>
public sealed record MsrsFeature(MsrsUnknown Unknown)
{
    public SourceLocation Location { get; init; }
}

public enum MsrsUnknown { Ignore, Fault }

/// <summary><c>&lt;tcg&gt;&lt;tb-cache unit&gt;N&lt;/tb-cache&gt;&lt;/tcg&gt;</c>: the TCG translation block cache size.</summary>
public sealed record TcgFeatures
{
    public MemorySize? TbCache { get; init; }
    public SourceLocation Location { get; init; }
}

public static class FeatureEnumsXml
{
    public static readonly Xml.XmlEnum<HypervMode> HypervMode = new(("custom", Model.HypervMode.Custom), ("passthrough", Model.HypervMode.Passthrough));

    public static readonly Xml.XmlEnum<XenPassthroughMode> XenPassthrough = new(
        ("sync_pt", XenPassthroughMode.SyncPt), ("share_pt", XenPassthroughMode.SharePt));

    public static readonly Xml.XmlEnum<IoapicDriver> Ioapic = new(("qemu", IoapicDriver.Qemu), ("kvm", IoapicDriver.Kvm));

    public static readonly Xml.XmlEnum<MsrsUnknown> Msrs = new(("ignore", MsrsUnknown.Ignore), ("fault", MsrsUnknown.Fault));
}

/// <summary><c>&lt;pm&gt;</c>: whether the guest may suspend to memory or disk.</summary>
public sealed record PowerManagement
{
    public bool? SuspendToMem { get; init; }
    public bool? SuspendToDisk { get; init; }
}

/// <summary>The names of the simple feature flags (used by the parser and the XML writer).</summary>
public static class FeatureXml
{
    public static readonly IReadOnlyList<string> Flags = ["pae", "acpi", "apic", "hap", "viridian", "privnet", "hyperv"];
}
