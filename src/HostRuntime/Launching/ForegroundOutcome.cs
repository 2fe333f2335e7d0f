using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// How a foreground run ended: started (the guest ran), QEMU's exit code (null when it had to be
/// killed), whether a stop request powered it down or made us quit it; or, when it never ran, the
/// errors of the start.
/// </summary>
public sealed record ForegroundOutcome(bool Started, int? ExitCode, ForegroundEnd End, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>What ended a foreground run.</summary>
public enum ForegroundEnd
{
    /// <summary>The start failed; see the diagnostics.</summary>
    NotStarted,

    /// <summary>QEMU exited by itself (the guest powered off, or someone quit it over QMP).</summary>
    Exited,

    /// <summary>A stop request powered the guest down within the timeout.</summary>
    PoweredDown,

    /// <summary>A stop request's power-down timed out; QEMU was told to quit (or killed).</summary>
    Quit,
}
