using DomainLauncher.Drivers.Qemu.Build;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -boot, -bootloader, -kernel, -initrd, -append, -dtb.
internal static class BootEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        if (ctx.Domain.Bootloader is { } bootloader)
        {
            args.Add("-bootloader");
            args.Add(bootloader);
            return;
        }
        if (ctx.Plan.BootOption is { } boot)
        {
            args.Add("-boot");
            args.Add(boot);
        }
        var os = ctx.Domain.Os;
        foreach (var (option, value) in new[] { ("-kernel", os?.Kernel), ("-initrd", os?.Initrd), ("-append", os?.Cmdline), ("-dtb", os?.Dtb) })
        {
            if (value is null) continue;
            args.Add(option);
            args.Add(value);
        }
    }
}
