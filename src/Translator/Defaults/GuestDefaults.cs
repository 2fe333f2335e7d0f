using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// The general values libvirt fills when a document leaves them out: the lifecycle actions
/// (destroy, restart, destroy), the current memory (the whole memory), the vCPU placement
/// (static), the host memory policy (strict; placed as the vCPUs are, or statically with a nodeset).
/// </summary>
internal static class GuestDefaults
{
    // One value each, for DomainDefaults' one copy of the domain.

    public static LifecycleAction OnPoweroff(Domain domain) => domain.OnPoweroff ?? LifecycleAction.Destroy;

    public static LifecycleAction OnReboot(Domain domain) => domain.OnReboot ?? LifecycleAction.Restart;

    public static LifecycleAction OnCrash(Domain domain) => domain.OnCrash ?? LifecycleAction.Destroy;

    /// <summary>The current memory: the document's, else the whole memory (<paramref name="memory"/>, as the memory defaults left it).</summary>
    public static MemorySize? CurrentMemory(Domain domain, MemorySize? memory) => domain.CurrentMemory ?? memory;

    public static VcpuConfig? Vcpu(Domain domain) =>
        domain.Vcpu is { Placement: null } vcpu ? vcpu with { Placement = Placement.Static } : domain.Vcpu;

    public static NumaTune? NumaTune(Domain domain) =>
        domain.NumaTune is { HasMemory: true } tune
            ? tune with
            {
                Mode = tune.Mode ?? NumaMemoryMode.Strict,
                Placement = tune.Placement ?? (tune.Nodeset is not null ? Placement.Static : domain.Vcpu?.Placement ?? Placement.Static),
            }
            : domain.NumaTune;
}
