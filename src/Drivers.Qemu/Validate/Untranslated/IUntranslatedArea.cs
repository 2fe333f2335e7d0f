using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// One part of today's domain model (an area of libvirt 9's schema) that the QEMU driver reads but
/// does not yet put on the command line. Listing it here is what keeps it from being dropped in
/// silence: a domain that uses it is refused at the element until the driver translates it.
/// </summary>
internal interface IUntranslatedArea
{
    /// <summary>
    /// Adds every use of the area in this domain, for this emulator (what is translated may depend on its capabilities),
    /// at the element or attribute that asks for it, to <paramref name="uses"/>.
    /// </summary>
    // Added to one list the areas share, not yielded: every document passes each area, nearly all with no use to
    // find, and an iterator per area (and per finder under it) was an object and a chain of calls for nothing.
    void Find(QemuCheckInput input, List<DeviceFeatureUse> uses);
}
