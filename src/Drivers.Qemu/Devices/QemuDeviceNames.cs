using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Devices;

/// <summary>
/// QEMU's names for the devices libvirt 0.10.2 writes, in one table that the planner (which decides
/// each device's type) and validation (which names the type in its messages) both read.
/// </summary>
internal static class QemuDeviceNames
{
    /// <summary>The name QEMU's spice agent port has in the guest; the legacy spicevmc device sets it itself.</summary>
    public const string SpiceAgentPort = "com.redhat.spice.0";

    /// <summary>An HDA codec's device type (<c>hda-duplex</c>, <c>hda-micro</c>).</summary>
    public static string HdaCodec(SoundCodec codec) => "hda-" + SoundXml.Codec.ToXml(codec);

    /// <summary>A sound card's device type; null for the PC speaker, which has no <c>-device</c> form.</summary>
    public static string? SoundCard(SoundModel model) => model switch
    {
        SoundModel.Sb16 => "sb16",
        SoundModel.Es1370 => "ES1370",
        SoundModel.Ac97 => "AC97",
        SoundModel.Ich6 or SoundModel.Ich7 => "intel-hda",
        SoundModel.Ich9 => "ich9-intel-hda",
        SoundModel.Usb => "usb-audio",
        SoundModel.Pcspk => null,
        _ => throw new InvalidOperationException($"unknown sound model {model}"),
    };

    /// <summary>The device type of a SCSI controller model (<c>lsi</c> is QEMU's old alias of <c>lsi53c895a</c>).</summary>
    public static string ScsiController(ScsiControllerModel model) => model switch
    {
        ScsiControllerModel.Lsilogic => "lsi",
        ScsiControllerModel.VirtioScsi => "virtio-scsi-pci",
        ScsiControllerModel.Lsisas1078 => "megasas",
        ScsiControllerModel.Lsisas1068 => "mptsas1068",
        ScsiControllerModel.Vmpvscsi => "pvscsi",
        ScsiControllerModel.VirtioTransitional => VirtioPci("virtio-scsi-pci", transitional: true, nonTransitional: false),
        ScsiControllerModel.VirtioNonTransitional => VirtioPci("virtio-scsi-pci", transitional: false, nonTransitional: true),
        ScsiControllerModel.Ibmvscsi => "spapr-vscsi",
        _ => throw new InvalidOperationException($"SCSI controller model {model} was not refused by validation"),
    };

    /// <summary>
    /// A virtio PCI device in the form its model asks for: <c>-transitional</c> (legacy and modern virtio, a
    /// conventional PCI device) or <c>-non-transitional</c> (modern only); the plain name otherwise.
    /// </summary>
    public static string VirtioPci(string device, bool transitional, bool nonTransitional) =>
        transitional ? device + "-transitional" : nonTransitional ? device + "-non-transitional" : device;

    public static string UsbController(UsbControllerModel model) => model switch
    {
        UsbControllerModel.Piix3Uhci => "piix3-usb-uhci",
        UsbControllerModel.Piix4Uhci => "piix4-usb-uhci",
        UsbControllerModel.Ehci => "usb-ehci",
        UsbControllerModel.Ich9Ehci1 => "ich9-usb-ehci1",
        UsbControllerModel.Ich9Uhci1 => "ich9-usb-uhci1",
        UsbControllerModel.Ich9Uhci2 => "ich9-usb-uhci2",
        UsbControllerModel.Ich9Uhci3 => "ich9-usb-uhci3",
        UsbControllerModel.Vt82c686bUhci => "vt82c686b-usb-uhci",
        UsbControllerModel.PciOhci => "pci-ohci",
        UsbControllerModel.NecXhci => "nec-usb-xhci",
        UsbControllerModel.QemuXhci => "qemu-xhci",
        _ => throw new InvalidOperationException($"USB controller model {model} has no QEMU device"),
    };

    /// <summary>The PC speaker every PC machine has built in (<c>-soundhw pcspk</c> only gives it a voice).</summary>
    public const string PcSpeaker = "isa-pcspk";

    public const string UsbHub = "usb-hub";

    /// <summary>The PC's built-in floppy controller, whose <c>-global</c> properties place floppy drives and their boot index.</summary>
    public const string FloppyController = "isa-fdc";

    /// <summary>The front end of a vhost-user disk (<c>&lt;disk type='vhostuser'&gt;</c>).</summary>
    public const string VhostUserBlk = "vhost-user-blk-pci";

    /// <summary>A USB device of a remote client, forwarded through a chardev.</summary>
    public const string UsbRedirection = "usb-redir";

    /// <summary>A shared folder: the 9p transport on virtio-pci (libvirt 0.10.2 writes it on every machine).</summary>
    public const string Virtio9p = "virtio-9p-pci";

    /// <summary>A smartcard's device type: emulated from the host's NSS or certificates, or passed through a chardev.</summary>
    public static string Smartcard(SmartcardMode mode) => mode switch
    {
        SmartcardMode.Host or SmartcardMode.HostCertificates => "ccid-card-emulated",
        SmartcardMode.Passthrough => "ccid-card-passthru",
        _ => throw new InvalidOperationException($"unknown smartcard mode {mode}"),
    };

    /// <summary>
    /// A host device's type: <c>usb-host</c>, or KVM's <c>pci-assign</c> (libvirt 0.10.2's only PCI backend); the legacy
    /// <c>-usbdevice host:</c> and <c>-pcidevice</c> make the same devices.
    /// </summary>
    public static string HostDevice(HostDeviceSource source) => source switch
    {
        UsbHostDeviceSource => "usb-host",
        PciHostDeviceSource => "pci-assign",
        _ => throw new InvalidOperationException($"host device type {source.Type} has no QEMU device"),
    };

    /// <summary>The alias of USB bus N: <c>usb</c> for the first, <c>usbN</c> after.</summary>
    public static string UsbBus(uint index) => index == 0 ? "usb" : $"usb{index}";
}
