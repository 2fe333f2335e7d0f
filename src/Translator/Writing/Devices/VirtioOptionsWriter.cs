using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes a virtio device driver's transport options, in the reference's order.</summary>
internal static class VirtioOptionsWriter
{
    public static IEnumerable<XmlAttribute?> Write(VirtioOptions? options) =>
        options is null
            ? []
            :
            [
                OnOff("iommu", options.Iommu),
                OnOff("ats", options.Ats),
                OnOff("packed", options.Packed),
                OnOff("page_per_vq", options.PagePerVq),
            ];
}
