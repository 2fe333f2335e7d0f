using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// What reading a domain document produced: the domain (null when an error made it unusable) and
/// every diagnostic, warnings included.
/// </summary>
public sealed record DomainParseResult(Domain? Domain, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// What the parser could read of a document with errors (what failed is absent), so that
    /// validation can still report the document's other, independent problems in the same run.
    /// Never handed to a driver.
    /// </summary>
    internal Domain? Partial { get; init; }

    public bool HasErrors => Domain is null || Diagnostics.Any(d => d.IsError);
}
