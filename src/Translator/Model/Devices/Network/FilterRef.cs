using System.Collections.Immutable;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;filterref filter='...'&gt;&lt;parameter name value/&gt;...&lt;/filterref&gt;</c>: the
/// host's network filter applied to this NIC, with its parameters in document order.
/// </summary>
public sealed record FilterRef
{
    public required string Filter { get; init; }
    public ImmutableArray<FilterParameter> Parameters { get; init; } = [];
}

/// <summary>One <c>&lt;parameter name value/&gt;</c> of a filter reference (e.g. IP, MAC).</summary>
public sealed record FilterParameter(string Name, string Value);
