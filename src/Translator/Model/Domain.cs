using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// A virtual machine as described by a domain XML document. It mirrors the document: every field
/// is what the document said, and absent stays null (or empty) rather than taking a default; the
/// drivers' planners decide defaults.
/// </summary>
public sealed record Domain
{
    public required DomainType Type { get; init; }
    public int? Id { get; init; }
    public required string Name { get; init; }
    public Guid? Uuid { get; init; }
    public GenerationId? GenerationId { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public OsConfig? Os { get; init; }
    public string? Bootloader { get; init; }
    public string? BootloaderArgs { get; init; }
    public Sysinfo? Sysinfo { get; init; }
    public MemorySize? Memory { get; init; }
    public MaxMemory? MaxMemory { get; init; }
    /// <summary><c>&lt;memory dumpCore='on|off'&gt;</c>.</summary>
    public bool? MemoryDumpCore { get; init; }
    /// <summary>Where <c>&lt;memory&gt;</c> is, for messages about it; null when the document has none.</summary>
    public SourceLocation? MemoryLocation { get; init; }
    public MemorySize? CurrentMemory { get; init; }
    public MemoryBacking? MemoryBacking { get; init; }
    public BlockIoTune? BlockIoTune { get; init; }
    public MemoryTune? MemoryTune { get; init; }
    public NumaTune? NumaTune { get; init; }
    public VcpuConfig? Vcpu { get; init; }
    public ImmutableArray<VcpuState> VcpuStates { get; init; } = [];
    public IoThreads? IoThreads { get; init; }
    public CpuTune? CpuTune { get; init; }
    public CpuConfig? Cpu { get; init; }
    public LifecycleAction? OnPoweroff { get; init; }
    public LifecycleAction? OnReboot { get; init; }
    public LifecycleAction? OnCrash { get; init; }
    public Features? Features { get; init; }
    public ClockConfig? Clock { get; init; }
    public IdMap? IdMap { get; init; }
    public LaunchSecurity? LaunchSecurity { get; init; }
    public HostIntegration? HostIntegration { get; init; }
    public PowerManagement? PowerManagement { get; init; }
    // The shared empty list of devices, not one made for every domain: the parser gives each domain its own.
    public Devices Devices { get; init; } = Devices.None;
    public ImmutableArray<SecurityLabel> SecurityLabels { get; init; } = [];
    public QemuCommandLine? QemuCommandLine { get; init; }
    public QemuCapabilityOverrides? QemuCapabilities { get; init; }
    public QemuOverride? QemuOverride { get; init; }
    public QemuDeprecation? QemuDeprecation { get; init; }
    public SourceLocation Location { get; init; }
}
