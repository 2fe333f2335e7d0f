using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>
/// The one writer of a virtio device's transport options (<c>&lt;driver iommu ats packed page_per_vq/&gt;</c>) as the
/// properties every virtio PCI device has: <c>iommu_platform</c>, <c>ats</c>, <c>packed</c>, <c>page-per-vq</c>, each
/// on/off and left out when the domain does not say. Every emitter of a virtio device adds them through here.
/// </summary>
internal static class VirtioOptionsSyntax
{
    public static QemuOpts Add(QemuOpts opts, VirtioOptions? options) =>
        options is null ? opts : Add(opts, options.Iommu, options.Ats, options.Packed, options.PagePerVq);

    /// <summary>The same options where the model holds them one by one (a controller's <c>&lt;driver&gt;</c>).</summary>
    public static QemuOpts Add(QemuOpts opts, bool? iommu, bool? ats, bool? packed, bool? pagePerVq) =>
        opts.AddOnOff("iommu_platform", iommu)
            .AddOnOff("ats", ats)
            .AddOnOff("packed", packed)
            .AddOnOff("page-per-vq", pagePerVq);
}
