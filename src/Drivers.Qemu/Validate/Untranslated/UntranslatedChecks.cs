using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Validation.Untranslated;

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
        // One list for every area, in the areas' order: a document with no use to find (nearly all) makes only it.
        var uses = new List<DeviceFeatureUse>();
        foreach (var area in Areas)
            area.Find(input, uses);
        foreach (var use in uses)
            diagnostics.Error(QemuDiagnostics.NotTranslated, use.Location,
                $"{use.What} is not translated for QEMU yet; the guest would start without it");
    }

    /// <summary>
    /// Takes out of <paramref name="uses"/>, from <paramref name="start"/> on (what one finder just added), the uses
    /// <paramref name="translated"/> says the driver writes; the others keep their order.
    /// </summary>
    public static void KeepUntranslated(List<DeviceFeatureUse> uses, int start, Func<string, bool> translated)
    {
        var kept = start;
        for (var i = start; i < uses.Count; i++)
            if (!translated(uses[i].What)) uses[kept++] = uses[i];
        if (kept < uses.Count) uses.RemoveRange(kept, uses.Count - kept);
    }
}
