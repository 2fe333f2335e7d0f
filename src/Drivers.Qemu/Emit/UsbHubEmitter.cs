using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -device usb-hub (USB hubs, placed on their bus and port).
internal static class UsbHubEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var hubs = ctx.Domain.Devices.Hubs;
        for (var i = 0; i < hubs.Length; i++)
        {
            yield return "-device";
            yield return UsbEmitter.AddUsbAddress(new QemuOpts("usb-hub").Add("id", hubs[i].Alias ?? $"hub{i}"), hubs[i].Address).ToString();
        }
    }
}
