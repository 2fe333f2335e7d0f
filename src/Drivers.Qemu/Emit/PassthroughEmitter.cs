using DomainLauncher.Drivers.Qemu.Build;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the <qemu:commandline> arguments, appended as given.
internal static class PassthroughEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        if (ctx.Domain.QemuCommandLine is { } commandLine) args.AddRange(commandLine.Args);
    }
}
