using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Launching;

/// <summary>
/// The result of <see cref="EmulatorProcess.StartAsync"/>: the running emulator with QMP negotiated,
/// or null with at least one error. <see cref="ProcessId"/> names the process that was started (null
/// when none was); when the start failed, that process is gone by the time this is returned.
/// </summary>
public sealed record EmulatorStartOutcome(EmulatorProcess? Process, IReadOnlyList<Diagnostic> Diagnostics, int? ProcessId)
{
    public bool Succeeded => Process is not null;
}
