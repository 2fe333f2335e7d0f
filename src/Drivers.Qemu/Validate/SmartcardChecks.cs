using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Smartcards QEMU cannot attach: more than one, or one away from CCID controller 0 slot 0 (QEMU's
/// CCID bus holds one card); and the emulated or passthrough card the emulator lacks.
/// </summary>
internal sealed class SmartcardChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var cards = input.Domain.Devices.Smartcards;
        for (var i = 0; i < cards.Length; i++)
        {
            var card = cards[i];
            if (i > 0 || card.Address is { Controller: not (null or 0) } or { Slot: not (null or 0) })
            {
                diagnostics.Error(QemuDiagnostics.UnsupportedSmartcardPlacement, card.Location,
                    "QEMU attaches one smartcard, at <address type='ccid' controller='0' slot='0'/>");
                continue;
            }
            void Needs(QemuCapability capability)
            {
                if (!input.Has(capability))
                    diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, card.Location,
                        $"smartcard mode '{SmartcardModeXml.Table.ToXml(card.Mode)}' needs the emulator capability '{QemuCapabilityNames.Name(capability)}', which '{input.Emulator.Path}' lacks");
            }
            Needs(QemuCapability.Device);
            Needs(QemuCapability.Chardev);
            Needs(card is PassthroughSmartcard ? QemuCapability.CcidPassthru : QemuCapability.CcidEmulated);
        }
    }
}
