using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -device virtio-balloon-pci (the memory balloon).
internal static class BalloonEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        if (!ctx.Plan.UseDevice || ctx.Plan.Balloon is not { } balloon) return;
        args.Add("-device");
        var settings = ctx.Domain.Devices.MemBalloon;
        var opts = new QemuOpts(balloon.QemuType).Add("id", balloon.Alias)
            .AddOnOff("deflate-on-oom", settings?.AutoDeflate)
            .AddOnOff("free-page-reporting", settings?.FreePageReporting)
            .Add("acpi-index", (long?)settings?.AcpiIndex);
        VirtioOptionsSyntax.Add(opts, settings?.Driver);
        args.Add(PciEmitter.AddAddress(opts, balloon.Pci, ctx.Plan.PciBuses).ToString());
    }
}
