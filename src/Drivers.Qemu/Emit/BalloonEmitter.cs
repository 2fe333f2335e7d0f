using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -device virtio-balloon-pci (the memory balloon).
internal static class BalloonEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        if (!ctx.Plan.UseDevice || ctx.Plan.Balloon is not { } balloon) yield break;
        yield return "-device";
        yield return PciEmitter.AddAddress(new QemuOpts(balloon.QemuType).Add("id", balloon.Alias), balloon.Pci, ctx.Plan.PciBuses).ToString();
    }
}
