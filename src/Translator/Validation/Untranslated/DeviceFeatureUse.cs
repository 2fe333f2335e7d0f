using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Translator.Validation.Untranslated;

/// <summary>
/// One place where a domain uses a device feature of libvirt 9's schema that the translator reads
/// but no driver gives the guest yet: where (the element) and what (e.g. <c>&lt;tpm&gt;</c>).
/// </summary>
public readonly record struct DeviceFeatureUse(SourceLocation Location, string What);
