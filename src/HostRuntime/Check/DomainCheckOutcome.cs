using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Output;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.HostRuntime.Check;

/// <summary>
/// The outcome of <see cref="DomainCheck.RunAsync"/>: the report when QEMU started and answered (with
/// the expected devices and the inventory it was matched against), else null and at least one error.
/// <see cref="ProcessId"/> names the emulator that was started, if any; it is gone when this is returned.
/// </summary>
public sealed record DomainCheckOutcome(
    DeviceCheckReport? Report, ImmutableArray<ExpectedDevice> Expected, DeviceInventory? Inventory,
    IReadOnlyList<Diagnostic> Diagnostics, int? ProcessId)
{
    /// <summary>The command line the emulator was started with (null when the domain did not build).</summary>
    public QemuCommandLine? CommandLine { get; init; }

    /// <summary>What the emulator wrote on standard output and error while it ran (warnings, pty names); empty when none started.</summary>
    public string EmulatorOutput { get; init; } = "";

    public bool Succeeded => Report is not null;
}
