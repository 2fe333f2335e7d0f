using DomainLauncher.Translator.Validation.Untranslated;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's general parts (os firmware, loader settings and nvram, new features, CPU and NUMA
/// details, memory backing and NUMA tuning) and memory devices: none reaches the command line yet, so
/// each use is refused at its element. The CPU-level ones (Hyper-V, KVM switches, CPU modes and
/// properties) are <c>-cpu</c> properties: <see cref="CpuLevelChecks"/>. The generation ID
/// (<c>-device vmgenid</c>) and the IOAPIC's side (<c>kernel_irqchip=</c>) are translated; launch
/// security and idmap are refused by <see cref="MiscDeviceChecks"/>, naming what the host or QEMU lacks.
/// </summary>
internal sealed class GeneralUntranslated : IUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        GeneralPartsInUse.FindBesideCpu(domain)
            .Where(use => !TranslatedOrRefusedElsewhere(domain, use.Location))
            .Select(use => new DeviceFeatureUse(use.Location, use.What));

    private static bool TranslatedOrRefusedElsewhere(Domain domain, Translator.Diagnostics.SourceLocation at) =>
        at == domain.GenerationId?.Location || at == domain.LaunchSecurity?.Location || at == domain.IdMap?.Location
        || at == domain.Features?.Ioapic?.Location;
}
