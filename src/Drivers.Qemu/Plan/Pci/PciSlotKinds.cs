using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>Which devices libvirt 9 treats as PCI Express endpoints and which as conventional PCI devices.</summary>
public static class PciSlotKinds
{
    /// <summary>
    /// A virtio device is PCI Express unless its model asks for the transitional form, which keeps the
    /// legacy virtio interface and so is a conventional PCI device.
    /// </summary>
    public static PciSlotKind Virtio(bool transitional) => transitional ? PciSlotKind.Conventional : PciSlotKind.Express;

    /// <summary>A NIC: virtio (but its transitional form) and e1000e are PCI Express; rtl8139, e1000 and the rest conventional.</summary>
    public static PciSlotKind OfInterface(NetworkInterface nic) => nic.Model switch
    {
        null => nic.Type == InterfaceType.Hostdev ? PciSlotKind.Express : PciSlotKind.Conventional,
        "virtio" or "virtio-non-transitional" or "e1000e" or "igb" => PciSlotKind.Express,
        _ => PciSlotKind.Conventional,
    };

    /// <summary>A USB controller: the xHCI models are PCI Express, UHCI, EHCI and OHCI conventional.</summary>
    public static PciSlotKind OfUsb(UsbControllerModel model) =>
        model is UsbControllerModel.QemuXhci or UsbControllerModel.NecXhci ? PciSlotKind.Express : PciSlotKind.Conventional;

    /// <summary>A controller: xHCI USB, AHCI and virtio (but transitional) are PCI Express; UHCI, EHCI, OHCI and the SCSI HBAs conventional.</summary>
    public static PciSlotKind OfController(Controller c) => c switch
    {
        UsbController { Model: { } usb } => OfUsb(usb),
        UsbController => PciSlotKind.Conventional,
        ScsiController { Model: ScsiControllerModel.VirtioScsi or ScsiControllerModel.VirtioNonTransitional } => PciSlotKind.Express,
        ScsiController => PciSlotKind.Conventional,
        VirtioSerialController s => Virtio(s.Model == VirtioSerialControllerModel.VirtioTransitional),
        SataController => PciSlotKind.Express,
        _ => PciSlotKind.Conventional,
    };
}
