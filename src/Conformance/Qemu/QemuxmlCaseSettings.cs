using System.Collections.Immutable;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Conformance.Qemu;

/// <summary>
/// Everything the translator gets for one case besides the domain XML: the full capability set
/// (the case's, the suite's and the arch's), host settings with the case's overrides, the domain id,
/// incoming migration, the emulator's CPU models, machine rewrites and whether PCI addresses are assigned.
/// </summary>
public sealed record QemuxmlCaseSettings
{
    /// <summary>The domain's arch (from its XML, else the host's default for its OS and hypervisor type); null when unknown.</summary>
    public string? Arch { get; init; }

    public required QemuCapabilitySet Capabilities { get; init; }

    public required HostSettings Host { get; init; }

    /// <summary>The id of the running domain, or null for none.</summary>
    public int? DomainId { get; init; }

    public string? MigrateFrom { get; init; }

    public int? MigrateFd { get; init; }

    public ImmutableArray<string> CpuModels { get; init; } = [];

    public ImmutableArray<MachineRewrite> MachineRewrites { get; init; } = [];

    /// <summary>Devices without an address get PCI addresses before the command line is built.</summary>
    public bool AssignPciAddresses { get; init; }

    /// <summary>The monitor speaks JSON (QMP).</summary>
    public bool JsonMonitor { get; init; }

    /// <summary>The machine the test host hands the builder for a domain's emulator and machine.</summary>
    public string RewriteMachine(string emulator, string machine) =>
        MachineRewrites.FirstOrDefault(r => r.Emulator == emulator && r.From == machine)?.To ?? machine;

    /// <summary>
    /// Describes an emulator binary as the test host sees it: its arch and machines from the host
    /// capabilities (for the hypervisor type, when it has its own), this case's capabilities and
    /// CPU models, and the machine rewrites as aliases.
    /// </summary>
    public EmulatorDescription DescribeEmulator(string path, DomainType domainType = DomainType.Qemu)
    {
        var guest = Host.Capabilities?.FindGuestByEmulator(path);
        var domain = guest?.Domains.FirstOrDefault(d => d.Emulator == path) ?? guest?.Domain(domainType);
        var machines = domain is { Machines.IsEmpty: false } ? domain.Machines : guest?.Machines ?? [];
        return new EmulatorDescription
        {
            Path = path,
            Arch = guest?.Arch ?? Arch ?? "",
            Capabilities = Capabilities,
            Machines = [.. machines.Select(m => new MachineType(m.Name, RewriteOf(path, m.Name) ?? m.Canonical) { MaxCpus = (int?)m.MaxCpus })],
            CpuModels = CpuModels,
        };
    }

    private string? RewriteOf(string emulator, string machine) =>
        MachineRewrites.FirstOrDefault(r => r.Emulator == emulator && r.From == machine)?.To;
}
