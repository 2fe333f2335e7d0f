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
    /// <summary>The controller's number among those of its type (what addresses refer to).</summary>
    public required uint Index { get; init; }
    public DeviceAddress? Address { get; init; }
    public string? Alias { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>An IDE controller.</summary>
public sealed record IdeController : Controller
{
    public override ControllerType Type => ControllerType.Ide;
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
    /// <summary><c>&lt;master startport/&gt;</c>: the first port of the EHCI master this companion serves.</summary>
    public uint? MasterStartPort { get; init; }
}

/// <summary>A virtio-serial controller with an optional port count and MSI vector count.</summary>
public sealed record VirtioSerialController : Controller
{
    public override ControllerType Type => ControllerType.VirtioSerial;
    public uint? Ports { get; init; }
    public uint? Vectors { get; init; }
}

public enum ControllerType { Ide, Fdc, Scsi, Sata, VirtioSerial, Ccid, Usb }

public enum ScsiControllerModel { Auto, Buslogic, Lsilogic, Lsisas1068, Vmpvscsi, Ibmvscsi, VirtioScsi, Lsisas1078 }

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
}

/// <summary>The XML spellings of the controller enums; models have one table per controller type.</summary>
public static class ControllerXml
{
    public static readonly XmlEnum<ControllerType> Type = new(
        ("ide", ControllerType.Ide), ("fdc", ControllerType.Fdc), ("scsi", ControllerType.Scsi),
        ("sata", ControllerType.Sata), ("virtio-serial", ControllerType.VirtioSerial), ("ccid", ControllerType.Ccid),
        ("usb", ControllerType.Usb));

    public static readonly XmlEnum<ScsiControllerModel> ScsiModel = new(
        ("auto", ScsiControllerModel.Auto), ("buslogic", ScsiControllerModel.Buslogic),
        ("lsilogic", ScsiControllerModel.Lsilogic), ("lsisas1068", ScsiControllerModel.Lsisas1068),
        ("vmpvscsi", ScsiControllerModel.Vmpvscsi), ("ibmvscsi", ScsiControllerModel.Ibmvscsi),
        ("virtio-scsi", ScsiControllerModel.VirtioScsi), ("lsisas1078", ScsiControllerModel.Lsisas1078));

    public static readonly XmlEnum<UsbControllerModel> UsbModel = new(
        ("piix3-uhci", UsbControllerModel.Piix3Uhci), ("piix4-uhci", UsbControllerModel.Piix4Uhci),
        ("ehci", UsbControllerModel.Ehci), ("ich9-ehci1", UsbControllerModel.Ich9Ehci1),
        ("ich9-uhci1", UsbControllerModel.Ich9Uhci1), ("ich9-uhci2", UsbControllerModel.Ich9Uhci2),
        ("ich9-uhci3", UsbControllerModel.Ich9Uhci3), ("vt82c686b-uhci", UsbControllerModel.Vt82c686bUhci),
        ("pci-ohci", UsbControllerModel.PciOhci), ("nec-xhci", UsbControllerModel.NecXhci),
        ("none", UsbControllerModel.None));
}
