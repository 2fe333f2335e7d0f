using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Host;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// Decides the guest's firmware: the loader the domain names (a ROM given with <c>-bios</c>, or flash
/// with its variable store), or the image <c>&lt;os firmware&gt;</c> chooses from the host's firmware
/// descriptions. A UEFI request nothing fits is refused, naming what was asked; a BIOS request nothing
/// fits keeps QEMU's own BIOS (its default for PC machines, which is what was asked).
/// </summary>
internal static class FirmwarePlanning
{
    public static (PlannedFirmware? Firmware, IReadOnlyList<Diagnostic> Diagnostics) Plan(
        Domain domain, EmulatorDescription emulator, HostSettings host, string machine)
    {
        var diagnostics = new DiagnosticBag();
        if (domain.Os is not { } os) return (null, []);
        if (os.Firmware is { } interfaceAsked)
        {
            var arch = QemuArch(os.Arch ?? emulator.Arch);
            var selection = FirmwareSelection.For(domain, os, interfaceAsked, arch, machine);
            if (selection.Choose(host.Firmware) is not { } chosen)
            {
                // QEMU's own default on PC machines is a BIOS: what was asked, when no description offers one.
                if (interfaceAsked == OsFirmware.Bios && os.LoaderSettings?.Type != LoaderType.Pflash)
                    return (os.Loader is { } image ? new PlannedFirmware { Bios = image } : null, []);
                diagnostics.Error(QemuDiagnostics.FirmwareNotFound, os.Location,
                    $"<os firmware='{OsFirmwareXml.Firmware.ToXml(interfaceAsked)}'> asks for {selection.Describe()}, and none of the host's "
                    + $"{host.Firmware.Length} firmware description(s) (/etc/qemu/firmware, /usr/share/qemu/firmware) fits");
                return (null, diagnostics.ToList());
            }
            return (FromDescription(domain, os, chosen, host), []);
        }
        if (os.Loader is not { } loader) return (null, []);
        var settings = os.LoaderSettings;
        if (settings?.Type != LoaderType.Pflash) return (new PlannedFirmware { Bios = loader }, []);

        var stateless = settings.Stateless == true;
        // A read-only code image needs a separate variable store; a writable one (readonly='no') holds its own.
        var readOnly = settings.Readonly ?? os.Nvram is not null;
        var code = new PlannedPflash(0, loader, "raw", readOnly);
        var template = os.Nvram?.Template
            ?? host.Firmware.FirstOrDefault(d => d.Mapping.Executable.Path == loader)?.Mapping.NvramTemplate?.Path;
        var vars = stateless || !(readOnly || os.Nvram is not null) ? null : Store(domain, os.Nvram, host, template, "raw");
        var secure = settings.Secure == true;
        return (new PlannedFirmware { Code = code, Vars = vars, SecureFlash = secure, NeedsSmm = secure }, []);
    }

    private static PlannedFirmware FromDescription(Domain domain, OsConfig os, FirmwareDescription chosen, HostSettings host)
    {
        var mapping = chosen.Mapping;
        if (mapping.Device == FirmwareDevice.Memory)
            return new PlannedFirmware { Bios = mapping.Executable.Path, ChosenFrom = chosen.Source };
        var smm = chosen.Has(FirmwareFeatures.RequiresSmm);
        var stateless = os.LoaderSettings?.Stateless == true || mapping.Mode == FirmwareFlashMode.Stateless || mapping.NvramTemplate is null;
        return new PlannedFirmware
        {
            Code = new PlannedPflash(0, mapping.Executable.Path, mapping.Executable.Format, ReadOnly: true),
            Vars = stateless ? null : Store(domain, os.Nvram, host, os.Nvram?.Template ?? mapping.NvramTemplate!.Path, mapping.NvramTemplate!.Format),
            SecureFlash = smm,
            NeedsSmm = smm,
            ChosenFrom = chosen.Source,
        };
    }

    /// <summary>The variable store: the file or block device <c>&lt;nvram&gt;</c> names, else the domain's file in the host's nvram folder.</summary>
    private static PlannedPflash Store(Domain domain, NvramConfig? nvram, HostSettings host, string? template, string format)
    {
        var (path, block) = nvram switch
        {
            { Source: BlockDiskSource b } => (b.Dev, true),
            { Source: FileDiskSource { File: { } f } } => (f, false),
            { Path: { } p } => (p, false),
            _ => ($"{host.NvramDirectory}/{domain.Name}_VARS.fd", false),
        };
        return new PlannedPflash(1, path, format, ReadOnly: false) { Template = template, BlockDevice = block };
    }

    /// <summary>The descriptions name archs as QEMU does: a 32-bit PC guest is <c>i386</c>.</summary>
    private static string QemuArch(string arch) => arch is "i686" or "i586" or "i486" ? "i386" : arch;
}
