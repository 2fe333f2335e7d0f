using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// What reading a domain document produced: the domain (null when an error made it unusable) and
/// every diagnostic, warnings included.
/// </summary>
public sealed record DomainParseResult(Domain? Domain, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Domain is null || Diagnostics.Any(d => d.IsError);
}
