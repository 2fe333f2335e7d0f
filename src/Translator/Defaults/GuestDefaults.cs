using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Defaults;

/// <summary>
/// The general values libvirt fills when a document leaves them out: the lifecycle actions
/// (destroy, restart, destroy), the current memory (the whole memory), the vCPU placement
/// (static), the host memory policy (strict; placed as the vCPUs are, or statically with a nodeset).
/// </summary>
internal static class GuestDefaults
{
    /// <summary>The domain with these values and <paramref name="devices"/>: the device steps read none of these, so their devices go into this one copy.</summary>
    public static Domain Apply(Domain domain, Model.Devices devices) => domain with
    {
        Devices = devices,
        OnPoweroff = domain.OnPoweroff ?? LifecycleAction.Destroy,
        OnReboot = domain.OnReboot ?? LifecycleAction.Restart,
        OnCrash = domain.OnCrash ?? LifecycleAction.Destroy,
        CurrentMemory = domain.CurrentMemory ?? domain.Memory,
        Vcpu = domain.Vcpu is { Placement: null } vcpu ? vcpu with { Placement = Placement.Static } : domain.Vcpu,
        NumaTune = domain.NumaTune is { HasMemory: true } tune
            ? tune with
            {
                Mode = tune.Mode ?? NumaMemoryMode.Strict,
                Placement = tune.Placement ?? (tune.Nodeset is not null ? Placement.Static : domain.Vcpu?.Placement ?? Placement.Static),
            }
            : domain.NumaTune,
    };
}
