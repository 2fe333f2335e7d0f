using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the devices that stand for machine-level parts of the domain: -device vmcoreinfo (<features><vmcoreinfo>).
// (-device vmgenid is MiscDeviceEmitter's.)
internal static class MachineDeviceEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        var machine = ctx.Plan.MachineOptions;
        if (machine.Vmcoreinfo)
        {
            args.Add("-device");
            args.Add("vmcoreinfo");
        }
    }
}
