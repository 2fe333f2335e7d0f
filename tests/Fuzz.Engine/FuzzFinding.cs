namespace DomainLauncher.Fuzz;

/// <summary>What a finding is: an exception or broken promise (crash), or an input slower than the threshold (hang).</summary>
public enum FuzzFindingKind
{
    Crash,
    Hang,
}

/// <summary>One crash or hang: the target, the input that caused it, and what happened.</summary>
public sealed record FuzzFinding(FuzzFindingKind Kind, string Target, long InputNumber, byte[] Input, string Description);
