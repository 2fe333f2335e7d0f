using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>
/// The virtio transport options of a device's <c>&lt;driver&gt;</c> (<c>iommu</c>, <c>ats</c>, <c>packed</c>,
/// <c>page_per_vq</c>) as the properties every virtio-pci device has.
/// </summary>
internal static class VirtioOptionsSyntax
{
    public static QemuOpts Add(QemuOpts opts, VirtioOptions? options)
    {
        if (options is null) return opts;
        return opts.AddOnOff("iommu_platform", options.Iommu).AddOnOff("ats", options.Ats)
            .AddOnOff("packed", options.Packed).AddOnOff("page-per-vq", options.PagePerVq);
    }
}
