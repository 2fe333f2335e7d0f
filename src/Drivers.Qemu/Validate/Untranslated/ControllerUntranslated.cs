using DomainLauncher.Translator.Validation.Untranslated;
using DomainLauncher.Translator.Defaults;
using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Validate.Untranslated;

/// <summary>
/// The controllers of libvirt 9's schema the driver does not put on the command line yet: a root
/// bus that asks for settings or does not match the machine, ISA and xenbus controllers, the
/// ESP SCSI models, the qusb USB models, IDE models, controller drivers and ACPI indexes. (PCI
/// controllers that add buses are PciTopologyChecks' concern: they need the modern topology.)
/// </summary>
internal sealed class ControllerUntranslated : IUntranslatedArea
{
    public void Find(QemuCheckInput input, List<DeviceFeatureUse> uses)
    {
        // Hotplug on the PC's root bus is a switch of its ACPI device (LifecycleEmitter); ControllerChecks refuses it off the PC.
        var rootHotplug = input.Has(QemuCapability.PiixAcpiRootPciHotplug);
        var domain = input.Domain;
        var machine = domain.Os?.Machine;
        foreach (var c in domain.Devices.Controllers)
        {
            switch (c)
            {
                case PciController { IsRoot: true } root:
                    if (root.Model != MachineTypes.RootPciModel(machine))
                        uses.Add(new(c.Location,
                            $"a {PciControllerXml.Model.ToXml(root.Model)} root bus on machine '{machine ?? "(default)"}'"));
                    var target = rootHotplug && root.Target is { } t && t == new PciControllerTarget { Hotplug = t.Hotplug, Location = t.Location } ? null : root.Target;
                    if (root.ModelName is not null || target is not null || root.PciHole64 is not null)
                        uses.Add(new(c.Location, "settings of the root PCI bus (<model name>, <target>, <pcihole64>)"));
                    break;
                case IsaController or XenbusController:
                    uses.Add(new(c.Location, Element(c)));
                    break;
                case ScsiController { Model: ScsiControllerModel.Ncr53c90 or ScsiControllerModel.Dc390 or ScsiControllerModel.Am53c974 } scsi:
                    uses.Add(new(c.Location, $"SCSI controller model '{ControllerXml.ScsiModel.ToXml(scsi.Model.Value)}'"));
                    break;
                case UsbController { Model: UsbControllerModel.Qusb1 or UsbControllerModel.Qusb2 } usb:
                    uses.Add(new(c.Location, $"USB controller model '{ControllerXml.UsbModel.ToXml(usb.Model.Value)}'"));
                    break;
                case IdeController { Model: { } ide }:
                    uses.Add(new(c.Location, $"IDE controller model '{ControllerXml.IdeModel.ToXml(ide)}'"));
                    break;
            }
            // A virtio controller's <driver> is translated (ControllerEmitter) but for its I/O thread; PciTopologyChecks
            // asks the emulator for the virtio transport options.
            if (c.Driver is { } driver && (c is not (ScsiController or VirtioSerialController) || driver.IoThread is not null))
                uses.Add(new(driver.Location, driver.IoThread is not null ? $"<driver iothread> of a {Element(c)}" : $"<driver> of a {Element(c)}"));
            if (c.AcpiIndex is not null) uses.Add(new(c.Location, $"<acpi index> of a {Element(c)}"));
        }
    }

    // Worded only for a use found: every controller of every document passes the loop above, and hardly any is refused.
    private static string Element(Controller controller) => $"<controller type='{ControllerXml.Type.ToXml(controller.Type)}'>";
}
