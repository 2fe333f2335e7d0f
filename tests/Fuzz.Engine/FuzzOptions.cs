namespace DomainLauncher.Fuzz;

/// <summary>What a fuzz run does: how many inputs (shared round-robin among the targets), from which seed, and its bounds.</summary>
public sealed record FuzzOptions
{
    /// <summary>Inputs in all, run in turn by each target.</summary>
    public long Inputs { get; init; } = 10_000;

    /// <summary>The seed of the random mutations: the same seed gives the same inputs.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>An input that takes longer than this is a hang.</summary>
    public TimeSpan HangThreshold { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A mutated input is cut to this size, which keeps a run's memory and time bounded.</summary>
    public int MaxInputBytes { get; init; } = 128 * 1024;

    /// <summary>The deepest nesting a mutation builds.</summary>
    public int MaxNesting { get; init; } = 20_000;

    /// <summary>Peak working set allowed for the whole run.</summary>
    public long MaxPeakBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Where reproducers of crashes and hangs are written; null writes none.</summary>
    public string? FindingsFolder { get; init; }

    /// <summary>Target names to run (domain, xml-readers, xm, qmp); empty runs all.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];
}
