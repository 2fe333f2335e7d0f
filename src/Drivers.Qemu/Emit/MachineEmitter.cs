using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -M, -machine (with dump-guest-core), -accel, -no-kqemu, -enable-kqemu, -no-kvm, -enable-kvm, -bios.
internal static class MachineEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var domain = ctx.Domain;
        if (ctx.Plan.Machine.Length > 0)
        {
            if (domain.MemoryDumpCore is { } dump)
                yield return "-machine";
            else
                yield return "-M";
            yield return new QemuOpts(ctx.Plan.Machine).Add("kernel_irqchip", ctx.Plan.Misc.KernelIrqchip)
                .AddOnOff("dump-guest-core", domain.MemoryDumpCore).ToString();
        }
    }

    public static IEnumerable<string> Accelerator(QemuContext ctx)
    {
        if (ctx.Plan.Accelerator is { } accelerator)
        {
            yield return "-accel";
            yield return QemuAcceleratorNames.Table.ToXml(accelerator);
            yield break;
        }
        var type = ctx.Domain.Type;
        if (ctx.Has(QemuCapability.Kqemu) && type != DomainType.Kqemu) yield return "-no-kqemu";
        if (type == DomainType.Kqemu && ctx.Has(QemuCapability.EnableKqemu)) yield return "-enable-kqemu";
        if (ctx.Has(QemuCapability.Kvm) && type == DomainType.Qemu) yield return "-no-kvm";
        if (type == DomainType.Kvm && ctx.Has(QemuCapability.EnableKvm)) yield return "-enable-kvm";
    }

    public static IEnumerable<string> Bios(QemuContext ctx)
    {
        if (ctx.Domain.Os?.Loader is { } loader)
        {
            yield return "-bios";
            yield return loader;
        }
    }
}
