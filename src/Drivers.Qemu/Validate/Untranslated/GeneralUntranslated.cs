using DomainLauncher.Translator.Validation.Untranslated;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's general parts (os firmware, loader settings and nvram, new features, CPU and NUMA
/// details, memory backing and NUMA tuning, genid, idmap, launch security) and memory devices:
/// none reaches the command line yet, so each use is refused at its element. The CPU-level ones
/// (Hyper-V, KVM switches, CPU modes and properties) are <c>-cpu</c> properties: <see cref="CpuLevelChecks"/>.
/// </summary>
internal sealed class GeneralUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        GeneralPartsInUse.FindBesideCpu(domain).Select(use => new DeviceFeatureUse(use.Location, use.What));
}
