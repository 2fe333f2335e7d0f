using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -M, -machine (with dump-guest-core, smm, vmport, kernel-irqchip, mem-merge, nvdimm, hmat, memory-backend, pflash0/1),
// -global mch.extended-tseg-mbytes, -accel, -no-kqemu, -enable-kqemu, -no-kvm, -enable-kvm, -bios.
internal static class MachineEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
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
            args.Add(hasProperties ? "-machine" : "-M");
            args.Add(options.ToString());
        }
        if (ctx.Plan.MachineOptions.TsegMiB is { } tseg)
        {
            args.Add("-global");
            args.Add(new QemuOpts().Add("mch.extended-tseg-mbytes", tseg).ToString());
        }
    }

    public static void Accelerator(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.Accelerator is { } accelerator)
        {
            args.Add("-accel");
            args.Add(QemuAcceleratorNames.Table.ToXml(accelerator));
            return;
        }
        var type = ctx.Domain.Type;
        if (ctx.Has(QemuCapability.Kqemu) && type != DomainType.Kqemu) args.Add("-no-kqemu");
        if (type == DomainType.Kqemu && ctx.Has(QemuCapability.EnableKqemu)) args.Add("-enable-kqemu");
        if (ctx.Has(QemuCapability.Kvm) && type == DomainType.Qemu) args.Add("-no-kvm");
        if (type == DomainType.Kvm && ctx.Has(QemuCapability.EnableKvm)) args.Add("-enable-kvm");
    }

    public static void Bios(QemuContext ctx, List<string> args)
    {
        if (ctx.Plan.Firmware?.Bios is { } image)
        {
            args.Add("-bios");
            args.Add(image);
        }
    }
}
