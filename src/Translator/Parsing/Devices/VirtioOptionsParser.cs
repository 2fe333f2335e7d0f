using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads the virtio transport options of a virtio device's <c>&lt;driver&gt;</c>.</summary>
internal static class VirtioOptionsParser
{
    /// <summary>The options given, or null when the driver element names none of them.</summary>
    public static VirtioOptions? Parse(ElementReader driver)
    {
        var options = new VirtioOptions
        {
            Iommu = driver.OnOff("iommu"),
            Ats = driver.OnOff("ats"),
            Packed = driver.OnOff("packed"),
            PagePerVq = driver.OnOff("page_per_vq"),
        };
        return options.IsEmpty ? null : options;
    }
}
