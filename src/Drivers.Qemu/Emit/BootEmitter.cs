using DomainLauncher.Drivers.Qemu.Build;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -boot, -bootloader, -kernel, -initrd, -append, -dtb.
internal static class BootEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        if (ctx.Domain.Bootloader is { } bootloader)
        {
            yield return "-bootloader";
            yield return bootloader;
            yield break;
        }
        if (ctx.Plan.BootOption is { } boot)
        {
            yield return "-boot";
            yield return boot;
        }
        var os = ctx.Domain.Os;
        foreach (var (option, value) in new[] { ("-kernel", os?.Kernel), ("-initrd", os?.Initrd), ("-append", os?.Cmdline), ("-dtb", os?.Dtb) })
        {
            if (value is null) continue;
            yield return option;
            yield return value;
        }
    }
}
