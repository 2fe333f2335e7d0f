using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary><c>&lt;iommu model&gt;</c>: an IOMMU the guest sees, with its driver options.</summary>
public sealed record Iommu
{
    public required IommuModel Model { get; init; }
    public IommuDriver? Driver { get; init; }
    public uint? AcpiIndex { get; init; }
    public string? Alias { get; init; }
    public DeviceAddress? Address { get; init; }
    public SourceLocation Location { get; init; }
}

public enum IommuModel { Intel, SmmuV3, Virtio }

public static class IommuXml
{
    public static readonly XmlEnum<IommuModel> Model = new(
        ("intel", IommuModel.Intel), ("smmuv3", IommuModel.SmmuV3), ("virtio", IommuModel.Virtio));
}

/// <summary><c>&lt;driver intremap caching_mode eim iotlb aw_bits/&gt;</c>.</summary>
public sealed record IommuDriver
{
    /// <summary><c>intremap</c>: interrupt remapping.</summary>
    public bool? InterruptRemapping { get; init; }

    public bool? CachingMode { get; init; }

    /// <summary><c>eim</c>: extended interrupt mode.</summary>
    public bool? Eim { get; init; }

    /// <summary><c>iotlb</c>: device IOTLB.</summary>
    public bool? Iotlb { get; init; }

    /// <summary><c>aw_bits</c>: address width in bits.</summary>
    public uint? AddressWidthBits { get; init; }
}
