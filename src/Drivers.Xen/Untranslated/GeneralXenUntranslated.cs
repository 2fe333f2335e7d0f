using DomainLauncher.Translator.Validation.Untranslated;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>
/// libvirt 9's general parts and memory devices, which neither the xend S-expression nor the xm
/// config writer emits: each use is refused at its element (e.g. <c>&lt;hap state='off'&gt;</c>,
/// which the writers would otherwise turn into hap=1).
/// </summary>
internal sealed class GeneralXenUntranslated : IXenUntranslatedArea
{
    public IEnumerable<DeviceFeatureUse> Find(Domain domain) =>
        GeneralPartsInUse.Find(domain).Select(use => new DeviceFeatureUse(use.Location, use.What));
}
