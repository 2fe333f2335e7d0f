using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -device for USB hubs (usb-hub, placed on their bus and port).
internal static class UsbHubEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        foreach (var hub in ctx.Plan.Hubs)
        {
            yield return "-device";
            yield return UsbEmitter.AddUsbAddress(new QemuOpts(hub.QemuType).Add("id", hub.Alias), hub.Hub.Address, ctx.Plan).ToString();
        }
    }
}
