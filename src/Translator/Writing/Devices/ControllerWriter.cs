using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;controller type index model&gt;</c> with virtio-serial ports and vectors, a USB companion's master, device info.</summary>
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
                _ => null,
            },
            controller is VirtioSerialController ports ? Attr("ports", ports.Ports) : null,
            controller is VirtioSerialController vectors ? Attr("vectors", vectors.Vectors) : null,
            DeviceInfoWriter.Alias(controller.Alias),
            controller is UsbController { MasterStartPort: { } start } ? Element("master", Attr("startport", start)) : null,
            DeviceInfoWriter.Address(controller.Address),
        ]);
}
