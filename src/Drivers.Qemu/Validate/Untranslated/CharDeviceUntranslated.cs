using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Validation.Untranslated;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// libvirt 9's character device features the QEMU driver does not put on the command line yet: of the ones the
/// translator finds (<see cref="DeviceFeatureUses.CharDevices"/>), every one but those written by CharSourceSyntax and
/// SerialPlanning (listed in <see cref="TranslatedSuffixes"/>) and the generated socket of a virtio channel
/// (ChannelPlanning). TLS on a TCP source is refused by <see cref="ModernCharDeviceChecks"/> when asked for.
/// </summary>
internal sealed class CharDeviceUntranslated : IUntranslatedArea
{
    /// <summary>The end of each translated use's description (after the element it is on).</summary>
    private static readonly string[] TranslatedSuffixes =
    [
        " type='spiceport'",
        " type='qemu-vdagent'",
        " <source append>",
        " <source tls>",
        " <source><reconnect>",
        "<log>",
        "<serial><target type='pci-serial'>",
        "<serial><target type='isa-debug'>",
        "<serial><target><model name='isa-serial'>",
        "<serial><target><model name='pci-serial'>",
        "<serial><target><model name='usb-serial'>",
        "<serial><target><model name='isa-debugcon'>",
    ];

    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses)
    {
        var start = uses.Count;
        DeviceFeatureUses.AddCharDevices(input.Domain, uses);
        UntranslatedChecks.KeepUntranslated(uses, start, Translated);
    }

    private static bool Translated(string what)
    {
        // A loop, not Any with a closure: asked of every use found.
        foreach (var suffix in TranslatedSuffixes)
            if (what.EndsWith(suffix, StringComparison.Ordinal)) return true;
        return what == "<channel> type='unix' without a socket path";
    }
}
