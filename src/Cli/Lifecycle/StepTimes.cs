using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Lifecycle;

/// <summary>
/// When each step of a command ended, for <c>--verbose</c> (where launch's time goes). A mark is only a
/// timestamp; the marks are logged at the end, so that logging (its logger costs about 0.1 s to build)
/// does not delay the steps it times.
/// </summary>
internal sealed class StepTimes
{
    private readonly Lock _gate = new();
    private readonly List<(string Step, long At)> _marks = [];

    public void Mark(string step)
    {
        var at = Stopwatch.GetTimestamp();
        lock (_gate) _marks.Add((step, at));
    }

    /// <summary>Logs each step with the time since the process started and since the step before.</summary>
    public void Log(ILogger log)
    {
        var now = Stopwatch.GetTimestamp();
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var previous = TimeSpan.Zero;
        lock (_gate)
        {
            foreach (var (step, at) in _marks)
            {
                var offset = sinceStart - Stopwatch.GetElapsedTime(at, now);
                log.LogDebug("{Step}: {At:0.0} ms after the process started (+{Took:0.0} ms)", step, offset.TotalMilliseconds, (offset - previous).TotalMilliseconds);
                previous = offset;
            }
        }
    }
}
