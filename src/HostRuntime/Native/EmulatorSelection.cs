using DomainLauncher.Drivers.Qemu.Native;
using DomainLauncher.HostRuntime.Profiles;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>
/// Where a command learns what an emulator can do: a recorded profile (<see cref="ProfileFile"/>), so
/// nothing is run, else a binary probed now through the probe cache: <see cref="Binary"/> (a path or a
/// name on PATH), else <see cref="Fallback"/> (the domain's <c>&lt;emulator&gt;</c>, taken as given),
/// else the default binary (<see cref="EmulatorLocator.Default"/>).
/// </summary>
public sealed record EmulatorSelection
{
    public string? ProfileFile { get; init; }

    public string? Binary { get; init; }

    public string? Fallback { get; init; }

    /// <summary>False to probe even when the cache holds a result (the new result replaces it).</summary>
    public bool UseCache { get; init; } = true;

    public TimeSpan Timeout { get; init; } = EmulatorProber.DefaultTimeout;

    /// <summary>Reads the profile or probes the binary; a binary that cannot be found is a <see cref="EmulatorChoiceDiagnostics.NoEmulator"/> error.</summary>
    public async Task<EmulatorSourceResult> ResolveAsync(CancellationToken cancellation)
    {
        if (ProfileFile is { } file)
        {
            var read = EmulatorProfileFile.Read(file);
            return new EmulatorSourceResult(read.Profile, read.Diagnostics, FromCache: false, ProcessId: null);
        }
        var path = Binary is { } binary ? EmulatorLocator.OnPath(binary) : Fallback ?? EmulatorLocator.Default();
        if (path is null)
            return new EmulatorSourceResult(null,
                [new Diagnostic(EmulatorChoiceDiagnostics.NoEmulator, Severity.Error,
                    $"no QEMU found ({EmulatorLocator.DefaultDescription}); name one with --emulator PATH or give --emulator-profile FILE",
                    SourceLocation.OfFile("--emulator"))],
                FromCache: false, ProcessId: null);
        // Without the cache the binary is probed anyway, and the fresh result replaces the cached one.
        var outcome = await EmulatorProber.ProbeAsync(path, ProbeCache.Default(), Timeout, cancellation, refresh: !UseCache).ConfigureAwait(false);
        return new EmulatorSourceResult(outcome.Profile, outcome.Diagnostics, outcome.FromCache, outcome.ProcessId);
    }
}
