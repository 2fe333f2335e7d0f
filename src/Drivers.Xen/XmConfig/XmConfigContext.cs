using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.XmConfig;

/// <summary>What the xm config validator and every section read: the domain, the target host, the dialect and whether the guest is HVM.</summary>
internal sealed record XmConfigContext(Domain Domain, XenTarget Target, XenConfigFormat Format = XenConfigFormat.Xm)
{
    /// <summary>An xl file (libxl's own dialect).</summary>
    public bool Xl => Format == XenConfigFormat.Xl;

    /// <summary>A PVH guest (<c>&lt;os&gt;&lt;type&gt;xenpvh</c>): paravirtualized, booted as in a container of hardware.</summary>
    public bool Pvh => Domain.Os?.Type == OsType.Xenpvh;

    /// <summary>A fully virtualized guest (<c>&lt;os&gt;&lt;type&gt;hvm</c>); anything else is paravirtualized.</summary>
    public bool Hvm => Domain.Os?.Type == OsType.Hvm;

    /// <summary>The maximum vCPU count (1 when <c>&lt;vcpu&gt;</c> is absent).</summary>
    public uint MaxVcpus => Domain.Vcpu?.Count ?? 1;

    /// <summary>The vCPUs online at start (<c>current</c>, else all of them; never more than the maximum).</summary>
    public uint StartVcpus => Math.Min(Domain.Vcpu?.Current ?? MaxVcpus, MaxVcpus);
}
