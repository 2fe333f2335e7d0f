using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Model;

/// <summary>
/// <c>&lt;controller type index&gt;</c>: a bus controller that other devices attach to. A closed
/// family chosen by <c>type</c>: each type owns the attributes only it may carry (a SCSI or USB
/// model, virtio-serial ports and vectors, a USB companion's master).
/// </summary>
public abstract record Controller
{
    private protected Controller() { }

    public abstract ControllerType Type { get; }
    /// <summary>
    /// The controller's number among those of its type (what addresses refer to). Null when the
    /// document left it out: the defaults stage (<c>DomainDefaults</c>) numbers it as libvirt does.
    /// </summary>
    public required uint? Index { get; init; }
    /// <summary><c>&lt;driver&gt;</c>: queue and I/O settings (any type may carry it).</summary>
    public ControllerDriver? Driver { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    /// <summary><c>&lt;acpi index/&gt;</c>: the ACPI index the guest sees for the device.</summary>
    public uint? AcpiIndex { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>An IDE controller, of an optional chipset model.</summary>
public sealed record IdeController : Controller
{
    public override ControllerType Type => ControllerType.Ide;
    public IdeControllerModel? Model { get; init; }
}

/// <summary>A floppy disk controller.</summary>
public sealed record FdcController : Controller
{
    public override ControllerType Type => ControllerType.Fdc;
}

/// <summary>A SATA (AHCI) controller.</summary>
public sealed record SataController : Controller
{
    public override ControllerType Type => ControllerType.Sata;
}

/// <summary>A CCID (USB smartcard reader) controller.</summary>
public sealed record CcidController : Controller
{
    public override ControllerType Type => ControllerType.Ccid;
}

/// <summary>A SCSI host adapter, of an optional model.</summary>
public sealed record ScsiController : Controller
{
    public override ControllerType Type => ControllerType.Scsi;
    public ScsiControllerModel? Model { get; init; }
}

/// <summary>A USB host controller; a companion controller names its master's first port.</summary>
public sealed record UsbController : Controller
{
    public override ControllerType Type => ControllerType.Usb;
    /// <summary>The model; <see cref="UsbControllerModel.None"/> means the guest has no USB at all.</summary>
    public UsbControllerModel? Model { get; init; }
    /// <summary>The number of ports (xHCI and qusb models).</summary>
    public uint? Ports { get; init; }
    /// <summary><c>&lt;master startport/&gt;</c>: the first port of the EHCI master this companion serves.</summary>
    public uint? MasterStartPort { get; init; }
}

/// <summary>A virtio-serial controller with an optional port count and MSI vector count.</summary>
public sealed record VirtioSerialController : Controller
{
    public override ControllerType Type => ControllerType.VirtioSerial;
    public VirtioSerialControllerModel? Model { get; init; }
    public uint? Ports { get; init; }
    public uint? Vectors { get; init; }
}

/// <summary>The ISA bus controller.</summary>
public sealed record IsaController : Controller
{
    public override ControllerType Type => ControllerType.Isa;
}

/// <summary>The Xen bus (the PV device bus of a Xen guest), with its grant and event channel limits.</summary>
public sealed record XenbusController : Controller
{
    public override ControllerType Type => ControllerType.Xenbus;
    public uint? MaxGrantFrames { get; init; }
    public uint? MaxEventChannels { get; init; }
}

public enum ControllerType { Ide, Fdc, Scsi, Sata, VirtioSerial, Ccid, Usb, Pci, Isa, Xenbus }

public enum ScsiControllerModel
{
    Auto, Buslogic, Lsilogic, Lsisas1068, Vmpvscsi, Ibmvscsi, VirtioScsi, Lsisas1078,
    VirtioTransitional, VirtioNonTransitional, Ncr53c90, Dc390, Am53c974,
}

public enum IdeControllerModel { Piix3, Piix4, Ich6 }

public enum VirtioSerialControllerModel { Virtio, VirtioTransitional, VirtioNonTransitional }

public enum UsbControllerModel
{
    Piix3Uhci,
    Piix4Uhci,
    Ehci,
    Ich9Ehci1,
    Ich9Uhci1,
    Ich9Uhci2,
    Ich9Uhci3,
    Vt82c686bUhci,
    PciOhci,
    NecXhci,
    None,
    Qusb1,
    Qusb2,
    QemuXhci,
}

/// <summary>The XML spellings of the controller enums; models have one table per controller type.</summary>
public static class ControllerXml
{
    public static readonly XmlEnum<ControllerType> Type = new(
        ("ide", ControllerType.Ide), ("fdc", ControllerType.Fdc), ("scsi", ControllerType.Scsi),
        ("sata", ControllerType.Sata), ("virtio-serial", ControllerType.VirtioSerial), ("ccid", ControllerType.Ccid),
        ("usb", ControllerType.Usb), ("pci", ControllerType.Pci), ("isa", ControllerType.Isa),
        ("xenbus", ControllerType.Xenbus));

    public static readonly XmlEnum<ScsiControllerModel> ScsiModel = new(
        ("auto", ScsiControllerModel.Auto), ("buslogic", ScsiControllerModel.Buslogic),
        ("lsilogic", ScsiControllerModel.Lsilogic), ("lsisas1068", ScsiControllerModel.Lsisas1068),
        ("vmpvscsi", ScsiControllerModel.Vmpvscsi), ("ibmvscsi", ScsiControllerModel.Ibmvscsi),
        ("virtio-scsi", ScsiControllerModel.VirtioScsi), ("lsisas1078", ScsiControllerModel.Lsisas1078),
        ("virtio-transitional", ScsiControllerModel.VirtioTransitional),
        ("virtio-non-transitional", ScsiControllerModel.VirtioNonTransitional),
        ("ncr53c90", ScsiControllerModel.Ncr53c90), ("dc390", ScsiControllerModel.Dc390),
        ("am53c974", ScsiControllerModel.Am53c974));

    public static readonly XmlEnum<UsbControllerModel> UsbModel = new(
        ("piix3-uhci", UsbControllerModel.Piix3Uhci), ("piix4-uhci", UsbControllerModel.Piix4Uhci),
        ("ehci", UsbControllerModel.Ehci), ("ich9-ehci1", UsbControllerModel.Ich9Ehci1),
        ("ich9-uhci1", UsbControllerModel.Ich9Uhci1), ("ich9-uhci2", UsbControllerModel.Ich9Uhci2),
        ("ich9-uhci3", UsbControllerModel.Ich9Uhci3), ("vt82c686b-uhci", UsbControllerModel.Vt82c686bUhci),
        ("pci-ohci", UsbControllerModel.PciOhci), ("nec-xhci", UsbControllerModel.NecXhci),
        ("none", UsbControllerModel.None), ("qusb1", UsbControllerModel.Qusb1),
        ("qusb2", UsbControllerModel.Qusb2), ("qemu-xhci", UsbControllerModel.QemuXhci));

    public static readonly XmlEnum<IdeControllerModel> IdeModel = new(
        ("piix3", IdeControllerModel.Piix3), ("piix4", IdeControllerModel.Piix4), ("ich6", IdeControllerModel.Ich6));

    public static readonly XmlEnum<VirtioSerialControllerModel> VirtioSerialModel = new(
        ("virtio", VirtioSerialControllerModel.Virtio),
        ("virtio-transitional", VirtioSerialControllerModel.VirtioTransitional),
        ("virtio-non-transitional", VirtioSerialControllerModel.VirtioNonTransitional));
}
