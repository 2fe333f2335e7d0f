namespace DomainLauncher.Conformance;

/// <summary>
/// The outcome of one case: its id, status, the full output the product built from the case's
/// inputs (null when it refused) and, when it refused or the case failed, the message saying why.
/// </summary>
public sealed record ConformanceCaseResult(string Id, ConformanceStatus Status, string? Actual, string? Message);
