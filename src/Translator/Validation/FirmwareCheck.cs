using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Validation;

/// <summary>
/// The firmware settings of <c>&lt;os&gt;</c> that exclude each other: with automatic firmware
/// selection (<c>os firmware=</c>) the loader's type, read-only flag and path are chosen, and an
/// insecure loader cannot be asked for; firmware features need automatic selection; BIOS has no
/// NVRAM; a stateless loader takes no NVRAM nor NVRAM template; enrolled keys need secure boot.
/// </summary>
internal sealed class FirmwareCheck : IDomainCheck
{
    public void Check(Domain domain, DiagnosticBag diagnostics)
    {
        if (domain.Os is not { } os) return;
        var loader = os.LoaderSettings;
        var loaderAt = loader?.Location ?? os.Location;

        if (os.Firmware is { } firmware)
        {
            if (loader?.Type is not null || os.Loader is not null)
                Refuse(diagnostics, loaderAt, "loader attribute 'type' (or a loader path) cannot be given when firmware autoselection is enabled");
            if (loader?.Readonly is not null)
                Refuse(diagnostics, loaderAt, "loader attribute 'readonly' cannot be given when firmware autoselection is enabled");
            // secure='yes' is a request the selection honours (as the secure-boot feature); 'no' is not.
            if (loader?.Secure == false)
                Refuse(diagnostics, loaderAt, "loader attribute 'secure' cannot be 'no' when firmware autoselection is enabled");
            if (firmware == OsFirmware.Bios)
            {
                if (os.Nvram is { } nvram)
                    Refuse(diagnostics, nvram.Location, "firmware type 'bios' does not support nvram");
                if (loader?.Stateless == false)
                    Refuse(diagnostics, loaderAt, "only EFI firmware permits NVRAM (loader stateless='no')");
            }
        }
        else if (!os.FirmwareFeatures.IsEmpty)
        {
            Refuse(diagnostics, os.Location, "firmware features need firmware autoselection (os firmware='efi|bios')");
        }

        var secureBoot = os.FirmwareFeatures.FirstOrDefault(f => f.Name == FirmwareFeatureName.SecureBoot);
        if (os.FirmwareFeatures.Any(f => f.Name == FirmwareFeatureName.EnrolledKeys && f.Enabled) && secureBoot is { Enabled: false })
            Refuse(diagnostics, os.Location, "firmware feature 'enrolled-keys' cannot be enabled when firmware feature 'secure-boot' is disabled");

        if (loader?.Stateless == true && os.Nvram is { } stateless)
        {
            if (stateless.Path is not null || stateless.Source is not null)
                Refuse(diagnostics, stateless.Location, "NVRAM is not permitted when the loader is stateless");
            if (stateless.Template is not null)
                Refuse(diagnostics, stateless.Location, "an NVRAM template is not permitted when the loader is stateless");
        }
    }

    private static void Refuse(DiagnosticBag diagnostics, SourceLocation location, string message) =>
        diagnostics.Error(DiagnosticCatalog.FirmwareConflict, location, message);
}
