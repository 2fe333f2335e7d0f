using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// Controllers QEMU cannot run: SCSI models it has no device for, and SATA, virtio-scsi or USB
/// models the emulator lacks; more than one USB controller left to the legacy <c>-usb</c>.
/// </summary>
internal sealed class ControllerChecks : IQemuCheck
{
    // The models of today's schema are checked against the emulator's device types (PciTopologyChecks).
    private static readonly ScsiControllerModel[] QemuScsiModels =
        [ScsiControllerModel.Auto, ScsiControllerModel.Lsilogic, ScsiControllerModel.VirtioScsi, ScsiControllerModel.Ibmvscsi,
         ScsiControllerModel.VirtioTransitional, ScsiControllerModel.VirtioNonTransitional, ScsiControllerModel.Lsisas1078,
         ScsiControllerModel.Lsisas1068, ScsiControllerModel.Vmpvscsi];

    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        if (!input.Has(QemuCapability.Device)) return;
        // Only the PC's ACPI device (PIIX4) has a switch for hotplug on the root bus. The root bus is looked at first
        // (a loop, not OfType and FirstOrDefault): most domains do not set its hotplug, and the machine is then not looked up.
        if (input.Has(QemuCapability.PiixAcpiRootPciHotplug) && RootBus(input.Domain) is { Target.Hotplug: not null } root
            && !PcMachines.IsPc(input.Emulator, input.Domain))
            diagnostics.Error(QemuDiagnostics.HardwareImpossible, root.Location,
                "<target hotplug> on the root bus is a switch of the PC's (i440fx) ACPI device; this machine has none");
        void Needs(QemuCapability capability, SourceLocation where, string what)
        {
            if (!input.Has(capability))
                diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, where,
                    $"{what} needs the emulator capability '{QemuCapabilityNames.Name(capability)}', which '{input.Emulator.Path}' lacks");
        }
        CheckSpaprRegsUnique(input, diagnostics);
        var legacyUsb = 0;
        foreach (var c in input.Domain.Devices.Controllers)
        {
            switch (c)
            {
                case ScsiController { Model: { } model } when !QemuScsiModels.Contains(model):
                    diagnostics.Error(QemuDiagnostics.UnsupportedControllerModel, c.Location,
                        $"SCSI controller model '{ControllerXml.ScsiModel.ToXml(model)}' has no QEMU device; QEMU supports: "
                        + string.Join(", ", QemuScsiModels.Select(ControllerXml.ScsiModel.ToXml)));
                    break;
                case ScsiController { Model: ScsiControllerModel.VirtioScsi }:
                    Needs(QemuCapability.VirtioScsiPci, c.Location, "SCSI controller model 'virtio-scsi'");
                    break;
                case SataController:
                    Needs(QemuCapability.Ich9Ahci, c.Location, "a SATA controller");
                    break;
                case UsbController { Model: null } when !input.Has(QemuCapability.Piix3UsbUhci):
                    if (++legacyUsb == 2)
                        diagnostics.Error(QemuDiagnostics.MultipleLegacyUsbControllers, c.Location,
                            "more than one USB controller without a model; this emulator has only the built-in one (-usb)");
                    break;
                case UsbController { Model: { } usbModel } when UsbCapability(usbModel) is { } capability:
                    Needs(capability, c.Location, $"USB controller model '{ControllerXml.UsbModel.ToXml(usbModel)}'");
                    break;
            }
        }
    }

    /// <summary>The first root PCI controller the domain declares, if any.</summary>
    private static PciController? RootBus(Domain domain)
    {
        foreach (var c in domain.Devices.Controllers)
            if (c is PciController { IsRoot: true } root) return root;
        return null;
    }

    /// <summary>Two devices given the same spapr-vio register would collide on the pseries bus.</summary>
    private static void CheckSpaprRegsUnique(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        // Loops rather than a query over all three lists: most domains have no spapr-vio address at all,
        // and a batch checks every document (the query and its set cost ~11K instructions a document).
        var d = input.Domain.Devices;
        HashSet<ulong>? seen = null;
        foreach (var n in d.Interfaces) Check(n.Address, n.Location);
        foreach (var c in d.Controllers) Check(c.Address, c.Location);
        foreach (var s in d.Serials) Check(s.Address, s.Location);

        void Check(DeviceAddress? address, SourceLocation location)
        {
            if (address is SpaprVioAddress { Reg: { } reg } && !(seen ??= []).Add(reg))
                diagnostics.Error(QemuDiagnostics.SpaprVioAddressClash, location,
                    $"spapr-vio address reg='0x{reg:x}' is already used by another device");
        }
    }

    private static QemuCapability? UsbCapability(UsbControllerModel model) => model switch
    {
        UsbControllerModel.Piix3Uhci => QemuCapability.Piix3UsbUhci,
        UsbControllerModel.Piix4Uhci => QemuCapability.Piix4UsbUhci,
        UsbControllerModel.Ehci => QemuCapability.UsbEhci,
        UsbControllerModel.Ich9Ehci1 or UsbControllerModel.Ich9Uhci1 or UsbControllerModel.Ich9Uhci2
            or UsbControllerModel.Ich9Uhci3 => QemuCapability.Ich9UsbEhci1,
        UsbControllerModel.Vt82c686bUhci => QemuCapability.Vt82c686bUsbUhci,
        UsbControllerModel.PciOhci => QemuCapability.PciOhci,
        UsbControllerModel.NecXhci => QemuCapability.NecUsbXhci,
        _ => null,
    };
}
