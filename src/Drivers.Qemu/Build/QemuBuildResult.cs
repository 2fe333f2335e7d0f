using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Drivers.Qemu.Plan;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Build;

/// <summary>
/// The outcome of building a command line: the command line when no diagnostic is an error
/// (warnings may accompany it), otherwise null and the errors, all of them.
/// </summary>
public sealed record QemuBuildResult(QemuCommandLine? CommandLine, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => CommandLine is not null;

    /// <summary>What the command line was built from: every decision, device types, aliases and addresses; null when refused.</summary>
    public QemuPlan? Plan { get; init; }

    /// <summary>The plan with the domain, emulator, host and options the emitters read; null when refused.</summary>
    internal QemuContext? Context { get; init; }
}
