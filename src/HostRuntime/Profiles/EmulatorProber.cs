using DomainLauncher.HostRuntime.Probing;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// Probes a binary through the cache: a cached profile of the same file (path, size, modification
/// time) is returned without starting anything; otherwise <see cref="EmulatorProbe"/> runs and its
/// result is recorded (in the cache, when one is given). The probe's own diagnostics pass through.
/// </summary>
public static class EmulatorProber
{
    /// <summary>
    /// How long QEMU may take to greet on QMP, and then to answer each question: libvirt's wait for a monitor.
    /// Only a binary that hangs waits it out; a loaded host can take QEMU several seconds to start (10 s
    /// failed a CI run with eight test assemblies starting emulators on two cores).
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <param name="path">The binary.</param>
    /// <param name="cache">Where to look and record; null bypasses the cache (<c>--no-cache</c>).</param>
    /// <param name="timeout">The bound for starting the binary and for each of its answers.</param>
    /// <param name="cancellation">Stops the probe; the started process is killed.</param>
    /// <param name="refresh">Probe even when the cache holds a result, and record the new one in its place (<c>--no-cache</c>).</param>
    public static async Task<ProfileOutcome> ProbeAsync(string path, ProbeCache? cache, TimeSpan timeout, CancellationToken cancellation, bool refresh = false)
    {
        var binary = EmulatorBinary.Stat(path);
        if (!refresh && binary is not null && cache?.Find(binary) is { } cached)
            return new ProfileOutcome(cached, [], FromCache: true, ProcessId: null);

        var probedAt = DateTimeOffset.UtcNow;
        var outcome = await EmulatorProbe.ProbeAsync(binary?.Path ?? path, timeout, cancellation).ConfigureAwait(false);
        if (outcome.Result is not { } result || binary is null)
            return new ProfileOutcome(null, outcome.Result is null ? outcome.Diagnostics : NotAFile(path), FromCache: false, outcome.ProcessId);

        var profile = new EmulatorProfile { Binary = binary, ProbedAt = probedAt, Probe = result };
        cache?.Store(profile);
        return new ProfileOutcome(profile, outcome.Diagnostics, FromCache: false, outcome.ProcessId);
    }

    private static IReadOnlyList<Diagnostic> NotAFile(string path) =>
        [new Diagnostic(ProbeDiagnostics.EmulatorNotFound, Severity.Error, $"'{path}' is not a regular file", SourceLocation.OfFile(path))];
}
