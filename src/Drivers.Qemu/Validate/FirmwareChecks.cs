using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// The firmware and machine features of libvirt 9's schema that the driver translates, where this
/// emulator or the document cannot have them: flash firmware and UEFI selection need <c>-blockdev</c>
/// nodes for the flash drives (capability <c>blockdev</c>); SMM, vmport, the IOAPIC driver and vmcoreinfo
/// are machine properties of machines newer than those of emulators without <c>-accel</c>; a variable
/// store must be a local file or block device; and the settings must agree with each other.
/// </summary>
internal sealed class FirmwareChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var domain = input.Domain;
        var emulator = input.Emulator;
        if (domain.Os is { } os)
        {
            var flash = os.LoaderSettings?.Type == LoaderType.Pflash || os.Nvram is not null || os.Firmware == OsFirmware.Efi;
            if (flash && !emulator.Has(QemuCapability.Blockdev))
                diagnostics.Error(QemuDiagnostics.FirmwareNeedsCapability, os.LoaderSettings?.Location ?? os.Location,
                    "flash firmware (<loader type='pflash'>, <nvram> or <os firmware='efi'>) is given to QEMU as -blockdev nodes, "
                    + $"and '{emulator.Path}' lacks capability '{QemuCapabilityNames.Name(QemuCapability.Blockdev)}'");
            if (os.Nvram is { } nvram && nvram.Source is not (null or FileDiskSource or BlockDiskSource))
                diagnostics.Error(QemuDiagnostics.NvramNotLocal, nvram.Location,
                    $"<nvram type='{(nvram.SourceType is { } t ? DiskXml.Type.ToXml(t) : "?")}'>: a UEFI variable store on the network cannot be "
                    + "prepared from its template by a launcher without libvirt's storage drivers; give it as a file (<nvram>PATH</nvram>)");
            if (os.Nvram is { } store && os.Loader is null && os.Firmware is null)
                diagnostics.Error(QemuDiagnostics.FirmwareContradiction, store.Location,
                    "<nvram> is a UEFI variable store, but the domain has neither a flash <loader> nor <os firmware='efi'>");
            if (os.Nvram is { } stored && os.LoaderSettings?.Stateless == true)
                diagnostics.Error(QemuDiagnostics.FirmwareContradiction, stored.Location,
                    "<loader stateless='yes'> keeps no variable store, yet the domain gives one with <nvram>");
            if (os.LoaderSettings is { } bare && os.Loader is null && os.Firmware is null)
                diagnostics.Error(QemuDiagnostics.FirmwareContradiction, bare.Location,
                    "<loader> names no image and <os firmware> asks for none to be chosen: give the image's path or <os firmware='efi|bios'>");
            if (os.LoaderSettings is { Secure: true } secure && domain.Features?.Smm is { State: false })
                diagnostics.Error(QemuDiagnostics.FirmwareContradiction, secure.Location,
                    "<loader secure='yes'> protects the flash with System Management Mode, which <features><smm state='off'/> switches off");
        }
        if (domain.GenerationId is { } genid && (!emulator.Has(QemuCapability.Accel) || !emulator.HasDeviceType("vmgenid")))
            diagnostics.Error(QemuDiagnostics.DeviceTypeMissing, genid.Location,
                $"<genid> is QEMU's device 'vmgenid', which '{emulator.Path}' does not have");
        if (domain.Features is { } features && !emulator.Has(QemuCapability.Accel))
        {
            foreach (var (where, what) in MachineFeatures(features))
                diagnostics.Error(QemuDiagnostics.FirmwareNeedsCapability, where,
                    $"<features><{what}> is a property of machines newer than '{emulator.Path}' has (it lacks capability '{QemuCapabilityNames.Name(QemuCapability.Accel)}')");
        }
    }

    private static IEnumerable<(SourceLocation, string)> MachineFeatures(Features f)
    {
        if (f.Smm is { } smm) yield return (smm.Location, "smm");
        if (f.Vmport is { } vmport) yield return (vmport.Location, "vmport");
        if (f.Ioapic is { } ioapic) yield return (ioapic.Location, "ioapic");
        if (f.Vmcoreinfo is { } info) yield return (info.Location, "vmcoreinfo");
    }
}
