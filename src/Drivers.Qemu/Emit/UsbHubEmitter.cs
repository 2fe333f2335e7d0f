using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -device for USB hubs (usb-hub, placed on their bus and port).
internal static class UsbHubEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        foreach (var hub in ctx.Plan.Hubs)
        {
            args.Add("-device");
            args.Add(UsbEmitter.AddUsbAddress(new QemuOpts(hub.QemuType).Add("id", hub.Alias), hub.Hub.Address, ctx.Plan).ToString());
        }
    }
}
