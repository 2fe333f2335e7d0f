using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Devices;

/// <summary>QEMU's names for video models, and which syntax an emulator takes for the primary card.</summary>
internal static class VideoSyntax
{
    /// <summary>The <c>-vga</c> value for a model, or null when <c>-vga</c> cannot express it.</summary>
    public static string? VgaName(VideoModel model) => model switch
    {
        VideoModel.Vga => "std",
        VideoModel.Cirrus => "cirrus",
        VideoModel.Vmvga => "vmware",
        VideoModel.Qxl => "qxl",
        _ => null,
    };

    /// <summary>The <c>-device</c> driver of a primary card of this model, or null when there is none.</summary>
    public static string? PrimaryDeviceName(VideoModel model) => model switch
    {
        VideoModel.Vga => "VGA",
        VideoModel.Cirrus => "cirrus-vga",
        VideoModel.Vmvga => "vmware-svga",
        VideoModel.Qxl => "qxl-vga",
        _ => null,
    };

    /// <summary>A card beyond the primary: libvirt 0.10.2 allows only QXL there, as the device without VGA.</summary>
    public const string SecondaryDeviceName = "qxl";

    /// <summary>
    /// The <c>-device</c> driver of a card given with <c>-device</c>: the primary one carries the VGA interface the
    /// firmware draws on (<c>qxl-vga</c>, <c>virtio-vga</c>), the others do not (<c>qxl</c>, <c>virtio-gpu-pci</c>);
    /// a virtio card with 3D acceleration is the <c>-gl</c> variant. Null where no card is made (<c>none</c>) or
    /// QEMU has none for the model.
    /// </summary>
    public static string? DeviceName(VideoModel model, bool primary, bool accel3d) => model switch
    {
        VideoModel.Qxl when !primary => SecondaryDeviceName,
        VideoModel.Virtio when primary => accel3d ? "virtio-vga-gl" : "virtio-vga",
        VideoModel.Virtio => accel3d ? "virtio-gpu-gl-pci" : "virtio-gpu-pci",
        VideoModel.Bochs => "bochs-display",
        VideoModel.Ramfb => "ramfb",
        _ => PrimaryDeviceName(model),
    };

    /// <summary>A virtio card a vhost-user-gpu process emulates: the primary one with the VGA interface, the others without.</summary>
    public static string VhostUserDeviceName(bool primary) => primary ? "vhost-user-vga" : "vhost-user-gpu-pci";

    /// <summary>ramfb is a memory framebuffer the firmware sets up through fw_cfg, not a PCI device.</summary>
    public static bool IsPci(VideoModel model) => model != VideoModel.Ramfb;

    /// <summary>Models of today's schema that only <c>-device</c> can give (no capability of libvirt 0.10.2 names them).</summary>
    private static bool IsDeviceOnly(VideoModel model) => model is VideoModel.Virtio or VideoModel.Bochs or VideoModel.Ramfb or VideoModel.None;

    /// <summary>
    /// The QEMU type of the card <c>-vga</c> makes for a model: the primary-card device, except that a QEMU without
    /// <c>qxl-vga</c> makes a primary QXL as <c>qxl</c>; null when <c>-vga</c> makes no card of its own.
    /// </summary>
    public static string? VgaOptionDeviceName(VideoModel model, EmulatorDescription emulator) =>
        model == VideoModel.Qxl && !emulator.Has(QemuCapability.DeviceQxlVga) ? SecondaryDeviceName : PrimaryDeviceName(model);

    /// <summary>The capability that says QEMU has the primary-card device of a model.</summary>
    public static QemuCapability? PrimaryDeviceCapability(VideoModel model) => model switch
    {
        VideoModel.Vga => QemuCapability.VgaDevice,
        VideoModel.Cirrus => QemuCapability.CirrusVga,
        VideoModel.Vmvga => QemuCapability.VmwareSvga,
        VideoModel.Qxl => QemuCapability.DeviceQxlVga,
        _ => null,
    };

    /// <summary>Every card goes on <c>-device</c> when QEMU can place the primary card there too.</summary>
    public static bool PrimaryAsDevice(VideoModel primary, EmulatorDescription emulator) =>
        emulator.Has(QemuCapability.DeviceVideoPrimary)
        && (PrimaryDeviceCapability(primary) is { } capability ? emulator.Has(capability) : IsDeviceOnly(primary));
}
