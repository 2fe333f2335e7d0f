using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// How the guest's USB buses reach QEMU: a USB controller becomes <c>-device</c> when it names a
/// model or QEMU has <c>piix3-usb-uhci</c>; otherwise the PIIX3's built-in one is switched on with
/// <c>-usb</c>, unless a <c>model='none'</c> controller asks for no USB at all.
/// </summary>
internal static class UsbPlanning
{
    /// <summary>Whether a USB controller is given with <c>-device</c> (the caller plans devices only when QEMU has <c>-device</c>).</summary>
    public static bool EmitsAsDevice(UsbController c, EmulatorDescription emulator) =>
        c.Model != UsbControllerModel.None && (c.Model is not null || emulator.Has(QemuCapability.Piix3UsbUhci));

    /// <summary>Whether the machine's own USB bus is switched on with <c>-usb</c>: no controller is a device and none says 'none'.</summary>
    public static bool NeedsLegacyUsb(ImmutableArray<PlannedController> controllers)
    {
        if (controllers.Any(p => p.Controller is UsbController { Model: UsbControllerModel.None })) return false;
        return !controllers.Any(p => p.Controller is UsbController && p.QemuType is not null);
    }
}
