using System.Globalization;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.Drivers.Qemu.Emit;

// Owns: -m, -mem-prealloc, -mem-path, -realtime mlock, -overcommit mem-lock.
internal static class MemoryEmitter
{
    public static IEnumerable<string> Emit(QemuContext ctx)
    {
        yield return "-m";
        yield return ctx.Plan.MemoryMiB.ToString(CultureInfo.InvariantCulture);
        if (ctx.Domain.MemoryBacking is { Hugepages: true })
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
