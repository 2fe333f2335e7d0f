using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;genid&gt;</c>: the VM generation ID the guest reads to notice it was cloned or restored;
/// an empty element asks the hypervisor to generate one.
/// </summary>
public sealed record GenerationId(Guid? Value)
{
    public SourceLocation Location { get; init; }
}
