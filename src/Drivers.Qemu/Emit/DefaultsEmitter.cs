using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Drivers.Qemu.Plan;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -nographic or -display none, -no-user-config, -nodefconfig, -nodefaults, -device sga or -machine graphics=off.
internal static class DefaultsEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        switch (ctx.Plan.Display)
        {
            case QemuDisplayMode.NoGraphic:
                args.Add("-nographic");
                break;
            case QemuDisplayMode.DisplayNone:
                args.Add("-display");
                args.Add("none");
                break;
        }
        if (ctx.Plan.UseDevice)
        {
            if (ctx.Has(QemuCapability.NoUserConfig)) args.Add("-no-user-config");
            else if (ctx.Has(QemuCapability.Nodefconfig)) args.Add("-nodefconfig");
            args.Add("-nodefaults");
        }
        if (ctx.Domain.Os?.BiosUseSerial == true && ctx.Has(QemuCapability.MachineGraphics))
        {
            args.Add("-machine");
            args.Add(new QemuOpts().AddOnOff("graphics", false).ToString());
        }
        else if (ctx.Domain.Os?.BiosUseSerial == true && ctx.Has(QemuCapability.Sga))
        {
            args.Add("-device");
            args.Add("sga");
        }
    }
}
