using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -M, -machine (with dump-guest-core, smm, vmport, kernel-irqchip, mem-merge, nvdimm, hmat, memory-backend, pflash0/1),
// -global mch.extended-tseg-mbytes, -accel, -no-kqemu, -enable-kqemu, -no-kvm, -enable-kvm, -bios.
internal static class MachineEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var domain = ctx.Domain;
        if (ctx.Plan.Machine.Length > 0)
        {
            var machine = ctx.Plan.MachineOptions;
            var firmware = ctx.Plan.Firmware;
            var options = new QemuOpts(ctx.Plan.Machine)
                .AddOnOff("smm", machine.Smm)
                .AddOnOff("vmport", machine.Vmport)
                .Add("kernel_irqchip", ctx.Plan.Misc.KernelIrqchip)
                .AddOnOff("dump-guest-core", domain.MemoryDumpCore)
                .AddOnOff("mem-merge", machine.MemMerge)
                .AddOnOff("nvdimm", machine.Nvdimm)
                .AddOnOff("hmat", machine.Hmat)
                .Add("memory-backend", machine.MemoryBackend)
                .Add("pflash0", firmware?.Code?.FormatNode)
                .Add("pflash1", firmware?.Vars?.FormatNode);
            // -M takes the name alone; properties need -machine (0.10.2's only one was dump-guest-core).
            var hasProperties = domain.MemoryDumpCore is not null || !machine.IsEmpty || firmware?.Code is not null
                || ctx.Plan.Misc.KernelIrqchip is not null;
            yield return hasProperties ? "-machine" : "-M";
            yield return options.ToString();
        }
        if (ctx.Plan.MachineOptions.TsegMiB is { } tseg)
        {
            yield return "-global";
            yield return new QemuOpts().Add("mch.extended-tseg-mbytes", tseg).ToString();
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
        if (ctx.Plan.Firmware?.Bios is { } image)
        {
            yield return "-bios";
            yield return image;
        }
    }
}
