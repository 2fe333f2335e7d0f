using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the devices that stand for machine-level parts of the domain: -device vmcoreinfo (<features><vmcoreinfo>)
// and -device vmgenid (<genid>).
internal static class MachineDeviceEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var machine = ctx.Plan.MachineOptions;
        if (machine.Vmcoreinfo)
        {
            yield return "-device";
            yield return "vmcoreinfo";
        }
        if (machine.GenerationId is { } guid)
        {
            yield return "-device";
            yield return new QemuOpts("vmgenid").Add("guid", guid).Add("id", "vmgenid0").ToString();
        }
    }
}
