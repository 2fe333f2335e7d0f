using DomainLauncher.Translator.Validation.Untranslated;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// One part of today's domain model (an area of libvirt 9's schema) that the QEMU driver reads but
/// does not yet put on the command line. Listing it here is what keeps it from being dropped in
/// silence: a domain that uses it is refused at the element until the driver translates it.
/// </summary>
internal interface IUntranslatedArea
{
    /// <summary>Every use of the area in this domain, at the element or attribute that asks for it.</summary>
    IEnumerable<DeviceFeatureUse> Find(Domain domain);

    /// <summary>The same for this emulator, where what is translated depends on its capabilities; by default the same whatever it has.</summary>
    IEnumerable<DeviceFeatureUse> Find(QemuCheckInput input) => Find(input.Domain);
}

