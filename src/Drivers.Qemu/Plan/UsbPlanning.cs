using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// How the guest's USB buses reach QEMU: a USB controller becomes <c>-device</c> when it names a
/// model or QEMU has <c>piix3-usb-uhci</c>; otherwise the PIIX3's built-in one is switched on with
/// <c>-usb</c>, unless a <c>model='none'</c> controller asks for no USB at all. Also the devices that plug
/// into those buses by a USB address: hubs and redirected devices.
/// </summary>
internal static class UsbPlanning
{
    /// <summary>Whether a USB controller is given with <c>-device</c> (the caller plans devices only when QEMU has <c>-device</c>).</summary>
    public static bool EmitsAsDevice(UsbController c, EmulatorDescription emulator) =>
        c.Model != UsbControllerModel.None && (c.Model is not null || emulator.Has(QemuCapability.Piix3UsbUhci));

    /// <summary>The USB hubs, aliased <c>hubN</c> by their order unless the XML names them.</summary>
    public static ImmutableArray<PlannedHub> Hubs(Domain domain) =>
        IndexedPlans.Of(domain.Devices.Hubs, (hub, i) => new PlannedHub(hub, QemuDeviceNames.UsbHub, hub.Alias ?? $"hub{i}"));

    /// <summary>The redirected USB devices, aliased <c>redirN</c>; each boots where it says when boot order goes per device.</summary>
    public static ImmutableArray<PlannedRedirectedDevice> RedirectedDevices(Domain domain, bool emitBootIndex) =>
        IndexedPlans.Of(domain.Devices.RedirectedDevices, (redir, i) => new PlannedRedirectedDevice(redir, QemuDeviceNames.UsbRedirection, redir.Alias ?? $"redir{i}")
        {
            BootIndex = emitBootIndex ? redir.BootOrder : null,
        });

    /// <summary>Whether the machine's own USB bus is switched on with <c>-usb</c>: no controller is a device and none says 'none'.</summary>
    public static bool NeedsLegacyUsb(ImmutableArray<PlannedController> controllers)
    {
        if (controllers.Any(p => p.Controller is UsbController { Model: UsbControllerModel.None })) return false;
        return !controllers.Any(p => p.Controller is UsbController && p.QemuType is not null);
    }
}
