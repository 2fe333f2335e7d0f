using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>
/// The virtio transport options a <c>&lt;driver&gt;</c> may ask of any virtio device: the IOMMU platform
/// (<c>iommu_platform</c>), address translation services (<c>ats</c>), packed virtqueues (<c>packed</c>) and
/// a page per virtqueue (<c>page-per-vq</c>).
/// </summary>
internal static class VirtioOptionsSyntax
{
    public static QemuOpts Add(QemuOpts opts, bool? iommu, bool? ats, bool? packed, bool? pagePerVq)
    {
        if (iommu is { } i) opts.AddOnOff("iommu_platform", i);
        if (ats is { } a) opts.AddOnOff("ats", a);
        if (packed is { } p) opts.AddOnOff("packed", p);
        if (pagePerVq is { } v) opts.AddOnOff("page-per-vq", v);
        return opts;
    }
}
