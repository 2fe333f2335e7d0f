namespace DomainLauncher.Drivers.Qemu.Plan.Pci;

/// <summary>
/// How an endpoint plugs into PCI, which decides where libvirt 9 puts it on a PCI Express machine: an
/// express device behind a PCI Express port, a conventional one on a conventional PCI bus. On a PCI
/// machine (i440fx) every device is conventional.
/// </summary>
public enum PciSlotKind
{
    /// <summary>A PCI Express endpoint (virtio in its modern form, qemu-xhci, e1000e, vfio, ...).</summary>
    Express,

    /// <summary>A conventional PCI device (transitional virtio, rtl8139, e1000, uhci, lsi, i6300esb, ...).</summary>
    Conventional,
}
