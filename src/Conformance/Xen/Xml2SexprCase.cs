using DomainLauncher.Drivers.Xen.Target;

namespace DomainLauncher.Conformance.Xen;

/// <summary>
/// One xml2sexpr case: the domain document, the expected S-expression file (null or missing when
/// withheld), the domain's name as the reference test recorded it, and the target host.
/// </summary>
public sealed record Xml2SexprCase
{
    public required string Id { get; init; }
    public required string XmlPath { get; init; }
    public string? SexprPath { get; init; }
    public string? DomainName { get; init; }
    public required XenTarget Target { get; init; }
}
