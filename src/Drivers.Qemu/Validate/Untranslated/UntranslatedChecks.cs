using DomainLauncher.Translator.Diagnostics;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// Refuses, at the element, every part of the domain the driver models but cannot yet give the
/// guest: a command line without it would start a guest missing hardware its owner asked for.
/// </summary>
internal sealed class UntranslatedChecks : IQemuCheck
{
    private static readonly IUntranslatedArea[] Areas =
    [
        new StorageUntranslated(),
        new HostDeviceUntranslated(),
        new InterfaceUntranslated(),
        new DisplayUntranslated(),
        new InputUntranslated(),
        new CharDeviceUntranslated(),
        new MiscDeviceUntranslated(),
        new GeneralUntranslated(),
        new ControllerUntranslated(),
        new AddressUntranslated(),
    ];

    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        foreach (var area in Areas)
        foreach (var use in area.Find(input))
            diagnostics.Error(QemuDiagnostics.NotTranslated, use.Location,
                $"{use.What} is not translated for QEMU yet; the guest would start without it");
    }
}
