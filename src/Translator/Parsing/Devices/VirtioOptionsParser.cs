using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Reads what many libvirt 9 devices share: the virtio options of their <c>&lt;driver&gt;</c> and
/// the <c>&lt;acpi index/&gt;</c> child.
/// </summary>
internal static class VirtioOptionsParser
{
    /// <summary>The virtio options of a driver element; null when it sets none of them.</summary>
    public static VirtioOptions? Options(ElementReader driver)
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

    /// <summary>The virtio options of the device's <c>&lt;driver&gt;</c> child, when it has one that sets any.</summary>
    public static VirtioOptions? Driver(ElementReader device) =>
        device.SingleChild("driver") is { } driver ? Options(driver) : null;

    /// <summary><c>&lt;acpi index/&gt;</c>: the index the guest's firmware names the device by (1 or more).</summary>
    public static uint? AcpiIndex(ElementReader device)
    {
        var acpi = device.SingleChild("acpi");
        if (acpi is null || acpi.RequiredAttr("index") is null) return null;
        return acpi.UInt("index");
    }
}
