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
    public bool Viridian { get; init; }
    public bool Privnet { get; init; }
    public HypervFeatures? Hyperv { get; init; }
}

/// <summary><c>&lt;hyperv&gt;&lt;relaxed state='on|off'/&gt;&lt;/hyperv&gt;</c>.</summary>
public sealed record HypervFeatures
{
    public bool? Relaxed { get; init; }
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
