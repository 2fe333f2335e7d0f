using DomainLauncher.Translator.Validation.Untranslated;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's general parts (os firmware, loader settings and nvram, new features, CPU and NUMA
/// details, memory backing and NUMA tuning, genid, idmap, launch security) and memory devices that
/// the QEMU driver does not translate yet: each use is refused at its element. The parts it does
/// translate are taken out of the domain before the shared finder looks (<see cref="WithoutTranslated"/>);
/// the CPU-level ones (Hyper-V, KVM switches, CPU modes and properties) are <c>-cpu</c> properties:
/// <see cref="CpuLevelChecks"/>; launch security is refused by <see cref="MiscDeviceChecks"/>, naming what the host lacks.
/// </summary>
internal sealed class GeneralUntranslated : IUntranslatedArea
{
    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses)
    {
        foreach (var (location, what) in GeneralPartsInUse.FindBesideCpu(WithoutTranslated(input.Domain)))
            uses.Add(new DeviceFeatureUse(location, what));
    }

    /// <summary>
    /// The domain without what the driver translates: firmware selection, loader settings and the
    /// variable store (FirmwarePlanning); the machine features SMM, vmport, IOAPIC and vmcoreinfo
    /// (MachinePlanning); memory hotplug, memory devices but SGX's, memory backing, NUMA node
    /// access, discard, distances and memory-only nodes, memory-side caches and interconnects (the HMAT), memnode
    /// bindings and I/O threads
    /// (MemoryPlanning); the boot menu's wait (<c>-boot splash-time</c>). FirmwareChecks, GeneralChecks and MemoryChecks
    /// refuse them where this emulator cannot have them.
    /// </summary>
    private static Domain WithoutTranslated(Domain domain) => HasNoneTranslated(domain) ? domain : domain with
    {
        Os = domain.Os is { } os ? os with { Firmware = null, FirmwareFeatures = [], LoaderSettings = null, Nvram = null, BootMenuTimeout = null } : null,
        Features = domain.Features is { } f ? f with { Smm = null, Vmport = null, Ioapic = null, Vmcoreinfo = null } : null,
        MaxMemory = null,
        GenerationId = null,
        // Capability overrides (DomainCapabilityOverrides), device property overrides (DevicePropertyOverrides) and -compat.
        QemuCapabilities = null,
        QemuOverride = null,
        QemuDeprecation = null,
        LaunchSecurity = null,
        // <idmap> maps a container's user IDs; a QEMU guest has none (libvirt's QEMU driver ignores it too): MemoryChecks warns.
        IdMap = null,
        IoThreads = domain.IoThreads is { } threads && threads.DefaultPool is null ? null : domain.IoThreads,
        MemoryBacking = domain.MemoryBacking is { } b
            ? b with { HugePages = [], SourceType = null, AccessMode = null, AllocationMode = null, AllocationThreads = null, Discard = false }
            : null,
        // Restrictive placement is the host's (cgroups), never QEMU's: MemoryChecks says the launcher leaves it out.
        NumaTune = domain.NumaTune is { } tune
            ? tune with { Mode = tune.Mode == NumaMemoryMode.Restrictive ? null : tune.Mode, MemNodes = [] }
            : null,
        Cpu = domain.Cpu is { } cpu
            ? cpu with
            {
                NumaCells = [.. cpu.NumaCells.Select(c => c with { Cpus = c.Cpus ?? "", MemAccess = null, Discard = null, Distances = [], Caches = [] })],
                NumaInterconnects = [],
            }
            : null,
        Devices = domain.Devices with { Memories = [.. domain.Devices.Memories.Where(m => m.Model == MemoryDeviceModel.SgxEpc)] },
    };

    /// <summary>
    /// Whether the domain has none of what <see cref="WithoutTranslated"/> takes out (or empties), so that it is that
    /// domain already. Most domains have none: they are not copied (a domain, its OS, features, CPU and devices are
    /// large records; 9.0 corpus x2 ~2.1M instructions). A part this does not look into is taken as present.
    /// </summary>
    private static bool HasNoneTranslated(Domain domain) =>
        domain.Os is null or { Firmware: null, FirmwareFeatures.IsEmpty: true, LoaderSettings: null, Nvram: null, BootMenuTimeout: null }
        && domain.Features is null or { Smm: null, Vmport: null, Ioapic: null, Vmcoreinfo: null }
        && domain is { MaxMemory: null, GenerationId: null, LaunchSecurity: null, IdMap: null, MemoryBacking: null, NumaTune: null,
            QemuCapabilities: null, QemuOverride: null, QemuDeprecation: null }
        && domain.IoThreads is null or { DefaultPool: not null }
        && domain.Cpu is null or { NumaCells.IsEmpty: true, NumaInterconnects.IsEmpty: true }
        && domain.Devices.Memories.IsEmpty;
}
