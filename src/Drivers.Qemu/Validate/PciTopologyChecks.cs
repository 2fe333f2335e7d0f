using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate;

/// <summary>
/// What the PCI topology needs from the emulator and the machine: PCI controllers that add buses are laid
/// out only with the <c>pcie-root-port</c> capability (libvirt 9's topology) on a q35 or i440fx machine, and
/// the USB and virtio controller models of today's schema only when the emulator lists their devices.
/// </summary>
internal sealed class PciTopologyChecks : IQemuCheck
{
    public void Check(QemuCheckInput input, DiagnosticBag diagnostics)
    {
        var domain = input.Domain;
        var machine = domain.Os?.Machine is { } m ? input.Emulator.CanonicalMachine(m) : input.Emulator.DefaultMachine?.Resolved ?? "";
        var family = PciMachineFamilies.Of(machine);
        foreach (var c in domain.Devices.Controllers)
        {
            if (c.Driver is { Iommu: not null } or { Ats: not null } or { Packed: not null } or { PagePerVq: not null }
                && !input.Has(QemuCapability.VirtioPciOptions))
                diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, c.Driver.Location,
                    $"the virtio options of <driver> (iommu, ats, packed, page_per_vq) need the emulator capability "
                    + $"'{QemuCapabilityNames.Name(QemuCapability.VirtioPciOptions)}', which '{input.Emulator.Path}' lacks");
            if (c is UsbController { Ports: not null } usb && !IsXhci(usb, family, input))
                diagnostics.Error(QemuDiagnostics.HardwareImpossible, c.Location,
                    $"only an xHCI USB controller has a port count; this one is '{ControllerXml.UsbModel.ToXml(usb.Model ?? UsbControllerModel.Piix3Uhci)}'");
            switch (c)
            {
                case PciController { IsRoot: false } pci when !input.Has(QemuCapability.PcieRootPort):
                    diagnostics.Error(QemuDiagnostics.UnsupportedByEmulator, c.Location,
                        $"<controller type='pci' model='{PciControllerXml.Model.ToXml(pci.Model)}'> needs the emulator capability "
                        + $"'{QemuCapabilityNames.Name(QemuCapability.PcieRootPort)}' (libvirt 9's PCI topology), which '{input.Emulator.Path}' lacks");
                    break;
                case PciController { IsRoot: false } pci when family == PciMachineFamily.Other:
                    diagnostics.Error(QemuDiagnostics.PciBusUnfit, c.Location,
                        $"<controller type='pci' model='{PciControllerXml.Model.ToXml(pci.Model)}'> is laid out only on q35 and i440fx machines, not on '{machine}'");
                    break;
                case UsbController { Model: UsbControllerModel.QemuXhci }:
                    NeedsDevice(input, diagnostics, c.Location, "qemu-xhci", "USB controller model 'qemu-xhci'");
                    break;
                case ScsiController { Model: ScsiControllerModel.VirtioTransitional or ScsiControllerModel.VirtioNonTransitional
                    or ScsiControllerModel.Lsisas1078 or ScsiControllerModel.Lsisas1068 or ScsiControllerModel.Vmpvscsi } scsi:
                    NeedsDevice(input, diagnostics, c.Location, Devices.QemuDeviceNames.ScsiController(scsi.Model.Value),
                        $"SCSI controller model '{ControllerXml.ScsiModel.ToXml(scsi.Model.Value)}'");
                    break;
                case VirtioSerialController { Model: VirtioSerialControllerModel.VirtioTransitional or VirtioSerialControllerModel.VirtioNonTransitional } serial:
                    NeedsDevice(input, diagnostics, c.Location,
                        Devices.QemuDeviceNames.VirtioPci("virtio-serial-pci", serial.Model == VirtioSerialControllerModel.VirtioTransitional,
                            serial.Model == VirtioSerialControllerModel.VirtioNonTransitional),
                        $"virtio-serial controller model '{ControllerXml.VirtioSerialModel.ToXml(serial.Model.Value)}'");
                    break;
            }
        }
    }

    /// <summary>Whether the USB controller is an xHCI one, as named or as the q35 default of a modern emulator.</summary>
    private static bool IsXhci(UsbController usb, PciMachineFamily family, QemuCheckInput input) =>
        usb.Model is UsbControllerModel.QemuXhci or UsbControllerModel.NecXhci
        || (usb.Model is null && family == PciMachineFamily.Q35 && input.Has(QemuCapability.PcieRootPort) && input.Emulator.HasDeviceType("qemu-xhci"));

    /// <summary>Refuses a model whose device the emulator does not list (an emulator whose device types are unknown lists none).</summary>
    private static void NeedsDevice(QemuCheckInput input, DiagnosticBag diagnostics, SourceLocation where, string device, string what)
    {
        if (!input.Emulator.DeviceTypes.IsEmpty && input.Emulator.HasDeviceType(device)) return;
        diagnostics.Error(QemuDiagnostics.DeviceTypeMissing, where,
            $"{what} is QEMU's '{device}' device, which '{input.Emulator.Path}' does not list");
    }
}
