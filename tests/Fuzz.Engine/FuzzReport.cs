using System.Globalization;
using System.Text;

namespace DomainLauncher.Fuzz;

/// <summary>What a run found: per-target figures, every finding (the first ones kept in full), peak memory and speed.</summary>
public sealed record FuzzReport(
    FuzzOptions Options,
    IReadOnlyList<FuzzTargetFigures> Targets,
    IReadOnlyList<FuzzFinding> Findings,
    long PeakWorkingSetBytes,
    TimeSpan Elapsed)
{
    public long Inputs => Targets.Sum(t => t.Inputs);

    public int Crashes => Targets.Sum(t => t.Crashes);

    public int Hangs => Targets.Sum(t => t.Hangs);

    public double InputsPerSecond => Elapsed.TotalSeconds > 0 ? Inputs / Elapsed.TotalSeconds : 0;

    public bool MemoryWithinLimit => PeakWorkingSetBytes <= Options.MaxPeakBytes;

    /// <summary>No crash, no hang and memory within its limit.</summary>
    public bool Passed => Crashes == 0 && Hangs == 0 && MemoryWithinLimit;

    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"fuzz run: seed {Options.Seed}, {Inputs:N0} inputs in {Elapsed.TotalSeconds:0.0} s ({InputsPerSecond:N0} inputs/s)\n");
        foreach (var t in Targets)
            text.Append(c, $"  {t.Target,-7} {t.Inputs,12:N0} inputs  {t.Crashes,4} crashes  {t.Hangs,4} hangs  slowest {t.Slowest.TotalMilliseconds:0} ms  {t.Elapsed.TotalSeconds:0.0} s\n");
        text.Append(c, $"  peak memory {PeakWorkingSetBytes / (1024.0 * 1024):0.0} MB (limit {Options.MaxPeakBytes / (1024 * 1024)} MB){(MemoryWithinLimit ? "" : ": OVER THE LIMIT")}\n");
        foreach (var f in Findings)
            text.Append(c, $"  {f.Kind.ToString().ToLowerInvariant()} in {f.Target}, input #{f.InputNumber} ({f.Input.Length} bytes): {f.Description}\n");
        text.Append(Passed ? "PASSED\n" : "FAILED\n");
        return text.ToString();
    }
}
