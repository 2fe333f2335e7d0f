using DomainLauncher.Drivers.Qemu.Devices;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// The smartcard on the CCID bus: an emulated card (from the host's NSS or its certificates) or one a
/// chardev passes through; validation allows one, on CCID controller 0 slot 0.
/// </summary>
internal static class SmartcardPlanning
{
    public static PlannedSmartcard? Plan(Domain domain)
    {
        if (domain.Devices.Smartcards is not [var card]) return null;
        var alias = card.Alias ?? "smartcard0";
        var passthrough = card is PassthroughSmartcard;
        return new PlannedSmartcard(card, QemuDeviceNames.Smartcard(card.Mode), alias, $"ccid{card.Address?.Controller ?? 0}.0")
        {
            CharAlias = passthrough ? "char" + alias : null,
        };
    }
}
