using DomainLauncher.Drivers.Qemu.Build;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: the <qemu:commandline> arguments, appended as given.
internal static class PassthroughEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx) => ctx.Domain.QemuCommandLine?.Args ?? [];
}
