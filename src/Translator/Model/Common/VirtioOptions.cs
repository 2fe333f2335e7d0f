namespace DomainLauncher.Translator.Model;

/// <summary>
/// The virtio transport options a device's <c>&lt;driver&gt;</c> may carry:
/// <c>iommu ats packed page_per_vq</c>, each on/off; null when absent.
/// </summary>
public sealed record VirtioOptions
{
    /// <summary><c>iommu</c>: the device goes through the guest's IOMMU for DMA.</summary>
    public bool? Iommu { get; init; }

    /// <summary><c>ats</c>: PCIe address translation services.</summary>
    public bool? Ats { get; init; }

    /// <summary><c>packed</c>: packed virtqueues instead of split ones.</summary>
    public bool? Packed { get; init; }

    /// <summary><c>page_per_vq</c>: one notification page per virtqueue.</summary>
    public bool? PagePerVq { get; init; }

    /// <summary>True when none is given (the element then carries no virtio options).</summary>
    public bool IsEmpty => Iommu is null && Ats is null && Packed is null && PagePerVq is null;
}

/// <summary>The transitional flavours every virtio device model of libvirt 9 may be asked for.</summary>
public enum VirtioModel { Virtio, VirtioTransitional, VirtioNonTransitional }

public static class VirtioModelXml
{
    public static readonly Xml.XmlEnum<VirtioModel> Table = new(
        ("virtio", VirtioModel.Virtio),
        ("virtio-transitional", VirtioModel.VirtioTransitional),
        ("virtio-non-transitional", VirtioModel.VirtioNonTransitional));
}
