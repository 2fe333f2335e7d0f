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
    public static bool EmitsAsDevice(UsbController c, EmulatorDescription emulator, bool useDevice) =>
        useDevice && c.Model != UsbControllerModel.None && (c.Model is not null || emulator.Has(QemuCapability.Piix3UsbUhci));

    public static bool NeedsLegacyUsb(ImmutableArray<PlannedController> controllers, EmulatorDescription emulator, bool useDevice)
    {
        var usb = controllers.Select(p => p.Controller).OfType<UsbController>().ToList();
        if (usb.Any(u => u.Model == UsbControllerModel.None)) return false;
        return !usb.Any(u => EmitsAsDevice(u, emulator, useDevice));
    }

    /// <summary>The <c>bus=usb.0,port=1.2</c> options of a device with a USB address, or nothing.</summary>
    public static (string Bus, string Port)? Placement(DeviceAddress? address) =>
        address is UsbAddress { Port: { } port } usb ? (UsbAlias(usb.Bus ?? 0) + ".0", port) : null;

    private static string UsbAlias(uint index) => ControllerPlanning.UsbAlias(index);
}
