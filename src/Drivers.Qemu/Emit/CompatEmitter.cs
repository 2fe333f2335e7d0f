using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -compat.
internal static class CompatEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.Compat is not { } compat) return;
        args.Add("-compat");
        args.Add(new QemuOpts().Add("deprecated-output", compat.DeprecatedOutput).Add("deprecated-input", compat.DeprecatedInput).ToString());
    }
}
