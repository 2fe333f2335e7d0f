using DomainLauncher.Drivers.Xen.Planning;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>
/// The domain-wide settings at the head of <c>(vm ...)</c>: name, memory, maxmem, vcpus,
/// vcpu_avail, cpus, uuid, description, bootloader, bootloader_args and the lifecycle actions.
/// </summary>
internal static class DomainEmitter
{
    public static IEnumerable<SexprNode> Emit(XenSexprContext ctx)
    {
        var d = ctx.Domain;
        yield return Sx.Quoted("name", d.Name);
        // The validator made sure <memory> is there; xend counts MiB, rounded up.
        var max = d.Memory!.Value.Kibibytes;
        var current = d.CurrentMemory?.Kibibytes ?? max;
        yield return Sx.Number("memory", (long)MiBRoundedUp(current));
        yield return Sx.Number("maxmem", (long)MiBRoundedUp(max));
        yield return Sx.Number("vcpus", ctx.MaxVcpus);
        foreach (var mask in VcpuMask.Emit(ctx)) yield return mask;
        if (d.Vcpu?.CpuSet is { } cpuSet)
            yield return Sx.Quoted("cpus", CpuSet.Canonical(cpuSet)!);
        if (d.Uuid is { } uuid) yield return Sx.Quoted("uuid", uuid.ToString("D"));
        if (d.Description is { } description) yield return Sx.Quoted("description", description);
        if (d.Bootloader is { } bootloader)
        {
            yield return bootloader.Length == 0 ? Sx.List("bootloader") : Sx.Quoted("bootloader", bootloader);
            if (d.BootloaderArgs is { } args) yield return Sx.Quoted("bootloader_args", args);
        }
        yield return Sx.Quoted("on_poweroff", LifecycleActionXml.Table.ToXml(d.OnPoweroff ?? LifecycleAction.Destroy));
        yield return Sx.Quoted("on_reboot", LifecycleActionXml.Table.ToXml(d.OnReboot ?? LifecycleAction.Restart));
        yield return Sx.Quoted("on_crash", LifecycleActionXml.Table.ToXml(d.OnCrash ?? LifecycleAction.Destroy));
    }

    private static ulong MiBRoundedUp(ulong kibibytes) => (kibibytes / 1024) + (kibibytes % 1024 == 0 ? 0UL : 1UL);
}
