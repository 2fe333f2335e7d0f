using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -m (MiB, or size=,slots=,maxmem= with <maxMemory>), the all-RAM -object memory-backend-*, -mem-prealloc, -mem-path, -realtime mlock, -overcommit mem-lock.
internal static class MemoryEmitter
{
    public static void Emit(QemuContext ctx, List<string> args)
    {
        var memory = ctx.Plan.Memory;
        args.Add("-m");
        args.Add(memory.InitialKiB is { } initial
            ? new QemuOpts().Add("size", $"{initial}k").Add("slots", memory.Slots).Add("maxmem", $"{memory.MaxKiB}k").ToString()
            : (memory.NodeTotalMiB ?? ctx.Plan.MemoryMiB).ToString(CultureInfo.InvariantCulture));
        if (memory.MachineRam is { } ram)
        {
            args.Add("-object");
            args.Add(MemoryBackendSyntax.Format(ram));
        }
        // Huge pages for all RAM the old way, unless planned backends already carry them.
        if (ctx.Domain.MemoryBacking is { Hugepages: true } && memory.NodeBackends.IsEmpty && memory.MachineRam is null)
        {
            args.Add("-mem-prealloc");
            args.Add("-mem-path");
            args.Add(ctx.Host.ResolvedHugepagePath
                ?? throw new InvalidOperationException("huge pages without a hugetlbfs mount passed validation"));
        }
        if (ctx.Has(QemuCapability.Overcommit))
        {
            // Unlocked is QEMU's default; only a locked domain says so.
            if (ctx.Domain.MemoryBacking is { Locked: true })
            {
                args.Add("-overcommit");
                args.Add("mem-lock=on");
            }
        }
        else if (ctx.Has(QemuCapability.Mlock))
        {
            args.Add("-realtime");
            args.Add(ctx.Domain.MemoryBacking is { Locked: true } ? "mlock=on" : "mlock=off");
        }
    }
}
