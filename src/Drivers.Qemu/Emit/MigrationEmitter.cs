using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -incoming.
internal static class MigrationEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        if (ctx.Options.MigrateFrom is not { } from) return;
        args.Add("-incoming");
        // An incoming stream on standard input is read the best way the emulator offers.
        if (from == "stdio")
        {
            if (ctx.Has(QemuCapability.MigrateQemuFd) && ctx.Options.MigrateFd is { } fd)
                args.Add("fd:" + fd.ToString(CultureInfo.InvariantCulture));
            else if (ctx.Has(QemuCapability.MigrateQemuExec))
                args.Add("exec:cat");
            else
                args.Add("stdio");
        }
        else
        {
            args.Add(from);
        }
    }
}
