using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.HostRuntime.Probing;

namespace DomainLauncher.HostRuntime.Profiles;

/// <summary>
/// A recorded probe: everything <see cref="EmulatorProbe"/> learnt from one binary, with the binary's
/// identity and the time of the probe, so that command lines can be built for a QEMU that is not
/// installed (<c>--emulator-profile FILE</c>) and a probe need not be repeated (the probe cache).
/// Written and read by <see cref="EmulatorProfileFile"/> as a versioned JSON document.
/// </summary>
public sealed record EmulatorProfile
{
    /// <summary>The value of <c>"format"</c> in every profile document.</summary>
    public const string FormatName = "domainlauncher-emulator-profile";

    /// <summary>The document version this build writes and the only one it reads.</summary>
    public const int CurrentVersion = 1;

    public string Format { get; init; } = FormatName;

    public int Version { get; init; } = CurrentVersion;

    public required EmulatorBinary Binary { get; init; }

    public required DateTimeOffset ProbedAt { get; init; }

    public required ProbeResult Probe { get; init; }

    /// <summary>The emulator as the command-line builder sees it (<see cref="ProbeCapabilityRules.Describe"/>).</summary>
    public EmulatorDescription Describe() => ProbeCapabilityRules.Describe(Probe);
}
