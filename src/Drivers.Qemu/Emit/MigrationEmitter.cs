using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -incoming.
internal static class MigrationEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        if (ctx.Options.MigrateFrom is not { } from) yield break;
        yield return "-incoming";
        // An incoming stream on standard input is read the best way the emulator offers.
        if (from == "stdio")
        {
            if (ctx.Has(QemuCapability.MigrateQemuFd) && ctx.Options.MigrateFd is { } fd)
                yield return "fd:" + fd.ToString(CultureInfo.InvariantCulture);
            else if (ctx.Has(QemuCapability.MigrateQemuExec))
                yield return "exec:cat";
            else
                yield return "stdio";
        }
        else
        {
            yield return from;
        }
    }
}
