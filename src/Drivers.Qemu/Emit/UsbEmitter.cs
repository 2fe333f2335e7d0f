using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>Formats a USB address as <c>-device</c> options: <c>bus=usb1.0,port=1.2</c>.</summary>
internal static class UsbEmitter
{
    public static QemuOpts AddUsbAddress(QemuOpts opts, DeviceAddress? address, Plan.QemuPlan plan)
    {
        if (address is not UsbAddress { Port: { } port } usb) return opts;
        return opts.Add("bus", plan.UsbBus(usb.Bus ?? 0) + ".0").Add("port", port);
    }
}
