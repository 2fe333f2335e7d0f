using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;

namespace DomainLauncher.Conformance.Qemu;

/// <summary>
/// How the qemuxml2argv test host turns a case into builder inputs, beyond the host settings:
/// capabilities added to every case or by arch, which capability means a JSON monitor, a domain id
/// or automatic PCI addresses, the machine rewrites and the CPU models the emulator reports.
/// </summary>
public sealed record QemuxmlHostRules
{
    public QemuCapabilitySet CapsAlwaysSet { get; init; } = QemuCapabilitySet.Empty;

    public ImmutableDictionary<string, QemuCapabilitySet> CapsSetForArch { get; init; } =
        ImmutableDictionary<string, QemuCapabilitySet>.Empty;

    public QemuCapability? JsonMonitorWhen { get; init; }

    public DomainIdRule? DomainId { get; init; }

    public QemuCapability? AddressAssignmentWhen { get; init; }

    public ImmutableArray<MachineRewrite> MachineRewrites { get; init; } = [];

    public ImmutableArray<string> GuestCpuModels { get; init; } = [];

    public ImmutableArray<string> LegacyGuestCpuModels { get; init; } = [];
}
