using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

/// <summary>Formats a USB address as <c>-device</c> options: <c>bus=usb1.0,port=1.2</c>.</summary>
internal static class UsbEmitter
{
    public static QemuOpts AddUsbAddress(QemuOpts opts, DeviceAddress? address)
    {
        if (UsbPlanning.Placement(address) is not { } placement) return opts;
        return opts.Add("bus", placement.Bus).Add("port", placement.Port);
    }
}
