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
    IEnumerable<UntranslatedUse> Find(Domain domain);
}

/// <summary>Where the domain asks for something untranslated, and what it is (e.g. <c>&lt;tpm&gt;</c>).</summary>
internal readonly record struct UntranslatedUse(SourceLocation Location, string What);
