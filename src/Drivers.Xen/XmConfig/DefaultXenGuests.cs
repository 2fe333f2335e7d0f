
namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>
/// The guests a Xen host offers when <c>from-native</c> is given no host capabilities file: a
/// 64-bit x86 host, whose fully virtualized guests run as <c>x86_64</c> on machine <c>xenfv</c> and
/// paravirtualized ones as <c>x86_64</c> on <c>xenpv</c> (the machine names libvirt's Xen driver
/// reports). A config without an architecture gets these in its domain XML.
/// </summary>
public static class DefaultXenGuests
{
    public static readonly XenGuestDefaults Guests = new(
        Hvm: new XenGuestArch("x86_64", "xenfv", FirmwareDir + "/hvmloader"),
        Paravirt: new XenGuestArch("x86_64", "xenpv"),
        Pvh: new XenGuestArch("x86_64", "xenpvh"),
        FirmwareDir: FirmwareDir);

    /// <summary>Where Xen installs its firmware (hvmloader, OVMF).</summary>
    public const string FirmwareDir = "/usr/lib/xen/boot";

    public const string Description = "x86_64 guests, machine xenfv (hvm, loader " + FirmwareDir + "/hvmloader), xenpv (paravirtualized) and xenpvh (PVH)";
}
