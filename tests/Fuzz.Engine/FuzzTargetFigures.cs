namespace DomainLauncher.Fuzz;

/// <summary>The figures of one target in a run.</summary>
public sealed record FuzzTargetFigures(string Target, long Inputs, int Crashes, int Hangs, TimeSpan Slowest, TimeSpan Elapsed);
