using DomainLauncher.Drivers.Xen.Target;

namespace DomainLauncher.Conformance.Xen;

/// <summary>One xmconfig case: a domain XML and the xm config it corresponds to for one xend config version (the target host).</summary>
public sealed record XmConfigCase(string Id, string XmlPath, string CfgPath, XenTarget Target);
