namespace DomainLauncher.Translator.Model;

/// <summary>
/// The virtio transport options a virtio device's <c>&lt;driver&gt;</c> may carry:
/// <c>iommu ats packed page_per_vq</c>, each on or off.
/// </summary>
public sealed record VirtioOptions
{
    public bool? Iommu { get; init; }
    public bool? Ats { get; init; }
    public bool? Packed { get; init; }
    public bool? PagePerVq { get; init; }

    /// <summary>True when none is given (the element then carries no virtio options).</summary>
    public bool IsEmpty => Iommu is null && Ats is null && Packed is null && PagePerVq is null;
}
