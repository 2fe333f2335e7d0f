using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Drivers.Qemu.Plan;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -nographic or -display none, -no-user-config, -nodefconfig, -nodefaults, -device sga or -machine graphics=off.
internal static class DefaultsEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        switch (ctx.Plan.Display)
        {
            case QemuDisplayMode.NoGraphic:
                yield return "-nographic";
                break;
            case QemuDisplayMode.DisplayNone:
                yield return "-display";
                yield return "none";
                break;
        }
        if (ctx.Plan.UseDevice)
        {
            if (ctx.Has(QemuCapability.NoUserConfig)) yield return "-no-user-config";
            else if (ctx.Has(QemuCapability.Nodefconfig)) yield return "-nodefconfig";
            yield return "-nodefaults";
        }
        if (ctx.Domain.Os?.BiosUseSerial == true && ctx.Has(QemuCapability.MachineGraphics))
        {
            yield return "-machine";
            yield return new QemuOpts().AddOnOff("graphics", false).ToString();
        }
        else if (ctx.Domain.Os?.BiosUseSerial == true && ctx.Has(QemuCapability.Sga))
        {
            yield return "-device";
            yield return "sga";
        }
    }
}
