using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes <c>&lt;controller type index model&gt;</c> in libvirt 9's order: the type's attributes
/// (ports, vectors, xenbus limits), a PCI controller's model name and target, the driver, device
/// info (alias, a USB companion's master, ACPI index, address), then a root bus's pcihole64.
/// </summary>
internal static class ControllerWriter
{
    public static XmlElement Write(Controller controller) =>
        Element("controller",
        [
            Attr("type", controller.Type, ControllerXml.Type),
            Attr("index", controller.Index),
            controller switch
            {
                ScsiController scsi => Attr("model", scsi.Model, ControllerXml.ScsiModel),
                UsbController usb => Attr("model", usb.Model, ControllerXml.UsbModel),
                IdeController ide => Attr("model", ide.Model, ControllerXml.IdeModel),
                VirtioSerialController serial => Attr("model", serial.Model, ControllerXml.VirtioSerialModel),
                PciController pci => Attr("model", pci.Model, PciControllerXml.Model),
                _ => null,
            },
            controller switch
            {
                VirtioSerialController ports => Attr("ports", ports.Ports),
                UsbController usb => Attr("ports", usb.Ports),
                _ => null,
            },
            controller is VirtioSerialController vectors ? Attr("vectors", vectors.Vectors) : null,
            controller is XenbusController grants ? Attr("maxGrantFrames", grants.MaxGrantFrames) : null,
            controller is XenbusController events ? Attr("maxEventChannels", events.MaxEventChannels) : null,
            controller is PciController { ModelName: { } name } ? Element("model", Attr("name", name, PciControllerXml.ModelName)) : null,
            controller is PciController { Target: { } target } ? Target(target) : null,
            Driver(controller.Driver),
            DeviceInfoWriter.Alias(controller.Alias),
            controller is UsbController { MasterStartPort: { } start } ? Element("master", Attr("startport", start)) : null,
            DeviceInfoWriter.Acpi(controller.AcpiIndex),
            DeviceInfoWriter.Address(controller.Address),
            controller is PciController { PciHole64: { } hole } ? GeneralWriter.Size("pcihole64", hole) : null,
        ]);

    /// <summary>chassisNr, chassis, port (hexadecimal, as libvirt writes it), busNr, index, hotplug, then the NUMA node.</summary>
    private static XmlElement Target(PciControllerTarget target) =>
        Element("target",
            Attr("chassisNr", target.ChassisNr),
            Attr("chassis", target.Chassis),
            Hex("port", target.Port, 0),
            Attr("busNr", target.BusNr),
            Attr("index", target.Index),
            OnOff("hotplug", target.Hotplug),
            TextElement("node", target.Node));

    private static XmlElement? Driver(ControllerDriver? driver) =>
        driver is null
            ? null
            : Element("driver",
                Attr("queues", driver.Queues),
                Attr("cmd_per_lun", driver.CmdPerLun),
                Attr("max_sectors", driver.MaxSectors),
                OnOff("ioeventfd", driver.Ioeventfd),
                Attr("iothread", driver.IoThread),
                OnOff("iommu", driver.Iommu),
                OnOff("ats", driver.Ats),
                OnOff("packed", driver.Packed),
                OnOff("page_per_vq", driver.PagePerVq));
}
