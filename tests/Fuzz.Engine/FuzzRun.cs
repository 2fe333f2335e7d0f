using System.Diagnostics;

namespace DomainLauncher.Fuzz;

/// <summary>
/// Runs a seeded, bounded fuzz campaign in this process: the targets take turns, each input is a
/// mutation of one of the target's seeds, every input is timed (over the threshold it is a hang),
/// and any exception a target does not document is a crash. Reproducers are written to the
/// findings folder when one is given.
/// </summary>
public static class FuzzRun
{
    /// <summary>Findings kept with their input; beyond this only counted.</summary>
    private const int KeptFindings = 50;

    public static IReadOnlyList<FuzzTarget> AllTargets(FuzzSeeds seeds) =>
        [new DomainLoaderTarget(seeds.DomainDocuments), new XmlReadersAgreeTarget(seeds.DomainDocuments), new XmConfigTarget(seeds.XmFiles), new QmpReaderTarget()];

    public static FuzzReport Run(IReadOnlyList<FuzzTarget> allTargets, FuzzOptions options, Action<string>? progress = null)
    {
        var targets = options.Targets.Count == 0
            ? allTargets
            : [.. allTargets.Where(t => options.Targets.Contains(t.Name, StringComparer.Ordinal))];
        if (targets.Count == 0) throw new ArgumentException("no target selected; targets are " + string.Join(", ", allTargets.Select(t => t.Name)));

        var random = new Random(options.Seed);
        var mutator = new Mutator(random, options);
        var counts = new long[targets.Count];
        var crashes = new int[targets.Count];
        var hangs = new int[targets.Count];
        var slowest = new TimeSpan[targets.Count];
        var elapsed = new TimeSpan[targets.Count];
        var findings = new List<FuzzFinding>();
        var total = Stopwatch.StartNew();
        var clock = new Stopwatch();

        for (long n = 0; n < options.Inputs; n++)
        {
            var which = (int)(n % targets.Count);
            var target = targets[which];
            var input = mutator.Mutate(target);
            string? crash = null;
            clock.Restart();
            try
            {
                target.Run(input);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                crash = $"{e.GetType().Name}: {FirstLine(e.Message)} at {FirstFrame(e)}";
            }
            clock.Stop();
            counts[which]++;
            elapsed[which] += clock.Elapsed;
            if (clock.Elapsed > slowest[which]) slowest[which] = clock.Elapsed;
            if (crash is not null)
            {
                crashes[which]++;
                Keep(new FuzzFinding(FuzzFindingKind.Crash, target.Name, n, input, crash));
            }
            if (clock.Elapsed > options.HangThreshold)
            {
                hangs[which]++;
                Keep(new FuzzFinding(FuzzFindingKind.Hang, target.Name, n, input, $"took {clock.Elapsed.TotalMilliseconds:0} ms"));
            }
            if (progress is not null && (n + 1) % 100_000 == 0)
                progress($"{n + 1:N0} inputs, {total.Elapsed.TotalSeconds:0} s, {crashes.Sum()} crashes, {hangs.Sum()} hangs, peak {PeakWorkingSet() / (1024 * 1024)} MB");
        }

        var figures = targets.Select((t, i) => new FuzzTargetFigures(t.Name, counts[i], crashes[i], hangs[i], slowest[i], elapsed[i])).ToList();
        return new FuzzReport(options, figures, findings, PeakWorkingSet(), total.Elapsed);

        void Keep(FuzzFinding finding)
        {
            if (findings.Count >= KeptFindings) return;
            findings.Add(finding);
            if (options.FindingsFolder is { } folder)
            {
                Directory.CreateDirectory(folder);
                var name = $"{finding.Kind.ToString().ToLowerInvariant()}-{finding.Target}-seed{options.Seed}-{finding.InputNumber}";
                File.WriteAllBytes(Path.Combine(folder, name + ".bin"), finding.Input);
                File.WriteAllText(Path.Combine(folder, name + ".txt"), finding.Description + "\n");
            }
        }
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        var line = end < 0 ? text : text[..end];
        return line.Length <= 300 ? line : line[..300] + "...";
    }

    private static string FirstFrame(Exception e)
    {
        var frame = e.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        if (frame is null) return "(no stack)";
        return frame.StartsWith("at ", StringComparison.Ordinal) ? frame[3..] : frame;
    }
}
