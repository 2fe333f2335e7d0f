namespace DomainLauncher.Drivers.Qemu.Host;

/// <summary>A guest feature flag (<c>&lt;pae/&gt;</c>, <c>&lt;acpi default='on' toggle='yes'/&gt;</c>, <c>&lt;cpuselection/&gt;</c>).</summary>
public sealed record GuestFeature(string Name)
{
    /// <summary>Whether the feature is on by default, when the document says.</summary>
    public bool? DefaultOn { get; init; }

    /// <summary>Whether a domain can turn it on and off, when the document says.</summary>
    public bool? Toggle { get; init; }
}
