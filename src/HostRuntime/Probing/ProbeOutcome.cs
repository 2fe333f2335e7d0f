using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Probing;

/// <summary>
/// The result of <see cref="EmulatorProbe.ProbeAsync"/>: the probe result when it succeeded, else
/// null with at least one error. <see cref="ProcessId"/> names the emulator process that was started
/// (null when none was); by the time the outcome is returned, that process has exited or been killed.
/// </summary>
public sealed record ProbeOutcome(ProbeResult? Result, IReadOnlyList<Diagnostic> Diagnostics, int? ProcessId)
{
    public bool Succeeded => Result is not null;
}
