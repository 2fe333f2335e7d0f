using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.HostRuntime.CapabilitiesXml;
using DomainLauncher.HostRuntime.Firmware;
using DomainLauncher.HostRuntime.Mounts;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.HostRuntime.Native;

/// <summary>
/// What a domain's command line needs of this host, read from the host only when a domain needs it:
/// the firmware descriptions for <c>&lt;os firmware&gt;</c> or a flash loader, the hugetlbfs mount for huge
/// pages (unless the settings name one), the SCSI generic devices of the host LUNs it passes through, and whether
/// /dev/kvm opens for a domain that runs under KVM.
/// Each fact is read once, at the first domain that needs it: launch asks for one domain, to-native for
/// every document of a batch, and a domain that needs none of them reads no host file.
/// </summary>
public sealed class NeededHostFacts(HostSettings host)
{
    private readonly Lazy<HostSettings> _withFirmware = new(() => HostFirmware.With(host));
    private readonly Lazy<string?> _hugetlbfsMount = new(HugetlbfsMounts.FindOnHost);
    private readonly Lazy<bool> _kvmUsable = new(HostKvm.IsUsable);

    /// <summary>The host settings with what <paramref name="domain"/> needs read from the host.</summary>
    public HostSettings For(Domain domain)
    {
        var facts = HostFirmware.NeededBy(domain) ? _withFirmware.Value : host;
        if (DryRunHostAssumptions.NeedsHugePages(domain) && !HugetlbfsMounts.NamesOne(facts))
            facts = facts with { HugetlbfsMount = _hugetlbfsMount.Value };
        // The settings' own devices stand, the host's fill in the rest.
        if (Storage.ScsiGenericDevices.NeededBy(domain))
            facts = facts with { ScsiGenericDevices = Storage.ScsiGenericDevices.Find(domain).SetItems(facts.ScsiGenericDevices) };
        return facts;
    }

    /// <summary>Whether KVM can run <paramref name="domain"/>: asked of /dev/kvm only when its command line depends on it.</summary>
    public bool KvmUsableFor(Domain domain, QemuAccelerator? accelerator) =>
        QemuBuildOptions.DependsOnKvm(domain.Type, accelerator) && _kvmUsable.Value;
}
