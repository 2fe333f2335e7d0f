using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Build;

/// <summary>
/// The outcome of building a command line: the command line when no diagnostic is an error
/// (warnings may accompany it), otherwise null and the errors, all of them.
/// </summary>
public sealed record QemuBuildResult(QemuCommandLine? CommandLine, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => CommandLine is not null;

    /// <summary>What the command line was built from (the plan with its aliases and addresses); null when refused.</summary>
    internal QemuContext? Context { get; init; }
}
