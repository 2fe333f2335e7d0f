using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Syntax;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -m (MiB, or size=,slots=,maxmem= with <maxMemory>), the all-RAM -object memory-backend-*, -mem-prealloc, -mem-path, -realtime mlock, -overcommit mem-lock.
internal static class MemoryEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        var memory = ctx.Plan.Memory;
        yield return "-m";
        yield return memory.InitialKiB is { } initial
            ? new QemuOpts().Add("size", $"{initial}k").Add("slots", memory.Slots).Add("maxmem", $"{memory.MaxKiB}k").ToString()
            : (memory.NodeTotalMiB ?? ctx.Plan.MemoryMiB).ToString(CultureInfo.InvariantCulture);
        if (memory.MachineRam is { } ram)
        {
            yield return "-object";
            yield return MemoryBackendSyntax.Format(ram);
        }
        // Huge pages for all RAM the old way, unless planned backends already carry them.
        if (ctx.Domain.MemoryBacking is { Hugepages: true } && memory.NodeBackends.IsEmpty && memory.MachineRam is null)
        {
            yield return "-mem-prealloc";
            yield return "-mem-path";
            yield return ctx.Host.ResolvedHugepagePath
                ?? throw new InvalidOperationException("huge pages without a hugetlbfs mount passed validation");
        }
        if (ctx.Has(QemuCapability.Overcommit))
        {
            // Unlocked is QEMU's default; only a locked domain says so.
            if (ctx.Domain.MemoryBacking is { Locked: true })
            {
                yield return "-overcommit";
                yield return "mem-lock=on";
            }
        }
        else if (ctx.Has(QemuCapability.Mlock))
        {
            yield return "-realtime";
            yield return ctx.Domain.MemoryBacking is { Locked: true } ? "mlock=on" : "mlock=off";
        }
    }
}
