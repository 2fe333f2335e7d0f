using DomainLauncher.Translator.Validation.Untranslated;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Xen.Untranslated;

/// <summary>
/// One part of today's domain model that the Xen writers (xend S-expression and xm config) read but
/// do not write. Listed here so that a domain using it is refused at the element instead of written
/// without it.
/// </summary>
internal interface IXenUntranslatedArea
{
    IEnumerable<DeviceFeatureUse> Find(Domain domain);
}


/// <summary>Runs every area for both Xen writers.</summary>
internal static class XenUntranslatedChecks
{
    private static readonly IXenUntranslatedArea[] Areas =
    [
        new StorageXenUntranslated(),
        new HostDeviceXenUntranslated(),
        new InterfaceXenUntranslated(),
        new DisplayXenUntranslated(),
        new AudioXenUntranslated(),
        new InputXenUntranslated(),
        new CharDeviceXenUntranslated(),
        new MiscDeviceXenUntranslated(),
        new GeneralXenUntranslated(),
        new ControllerXenUntranslated(),
    ];

    public static void Check(Domain domain, string output, DiagnosticBag diagnostics)
    {
        foreach (var area in Areas)
        foreach (var use in area.Find(domain))
            diagnostics.Error(XenSexprDiagnostics.NotTranslated, use.Location,
                $"{use.What} cannot be written to {output} yet; the guest would start without it");
    }
}
