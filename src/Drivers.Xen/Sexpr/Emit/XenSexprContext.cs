using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Sexpr.Emit;

/// <summary>What every emitter reads: the domain, the target host and whether the guest is HVM.</summary>
internal sealed record XenSexprContext(Domain Domain, XenTarget Target)
{
    /// <summary>A fully virtualized guest (<c>&lt;os&gt;&lt;type&gt;hvm</c>); anything else is paravirtualized.</summary>
    public bool Hvm => Domain.Os?.Type == OsType.Hvm;

    /// <summary>The maximum vCPU count (1 when <c>&lt;vcpu&gt;</c> is absent).</summary>
    public uint MaxVcpus => Domain.Vcpu?.Count ?? 1;

    /// <summary>The vCPUs online at start (<c>current</c>, else all of them).</summary>
    public uint StartVcpus => Domain.Vcpu?.Current ?? MaxVcpus;
}
