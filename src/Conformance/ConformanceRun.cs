using System.Collections.Immutable;

namespace DomainLauncher.Conformance;

/// <summary>The results of running one suite, in case order.</summary>
public sealed record ConformanceRun(string Suite, ImmutableArray<ConformanceCaseResult> Cases)
{
    public int Count(ConformanceStatus status) => Cases.Count(c => c.Status == status);

    /// <summary>"pass 180, fail 30, error 2" — every status that occurs, in declaration order.</summary>
    public string Summary() =>
        string.Join(", ", Enum.GetValues<ConformanceStatus>()
            .Where(s => Count(s) > 0)
            .Select(s => $"{ConformanceStatusNames.Table.ToXml(s)} {Count(s)}"));
}
