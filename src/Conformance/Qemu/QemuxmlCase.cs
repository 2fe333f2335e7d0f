using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;

namespace DomainLauncher.Conformance.Qemu;

/// <summary>
/// One qemuxml2argv case as the manifest declares it, with file paths made absolute. The
/// capabilities are the case's own list; <see cref="QemuxmlSuite.SettingsFor"/> adds the suite-wide ones.
/// </summary>
public sealed record QemuxmlCase
{
    public required string Id { get; init; }

    /// <summary>The test name; several cases (<c>name</c>, <c>name#2</c>) may share one.</summary>
    public required string Name { get; init; }

    public required string XmlPath { get; init; }

    /// <summary>The expected command line file; null when the case expects a refusal.</summary>
    public string? ArgsPath { get; init; }

    public required QemuxmlExpectation Expectation { get; init; }

    public QemuCapabilitySet Capabilities { get; init; } = QemuCapabilitySet.Empty;

    /// <summary>Incoming migration source (<c>stdio</c>, <c>tcp:host:port</c>, <c>exec:cmd</c>, <c>fd:N</c>).</summary>
    public string? MigrateFrom { get; init; }

    /// <summary>The file descriptor an incoming migration reads from (-1 for none).</summary>
    public int? MigrateFd { get; init; }

    /// <summary>The driver's VNC settings for this case (the host's with the case's overrides), or null to keep the host's.</summary>
    public VncHostSettings? Vnc { get; init; }

    /// <summary>False when the emulator must not report the legacy CPU models.</summary>
    public bool? LegacyCpuModels { get; init; }
}
