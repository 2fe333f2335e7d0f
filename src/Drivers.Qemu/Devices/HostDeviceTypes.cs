using DomainLauncher.Drivers.Qemu.Capabilities;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Devices;

/// <summary>
/// The device QEMU makes for a host device. A PCI device goes through VFIO (<c>vfio-pci</c>) when the domain asks
/// for it or the emulator has no legacy <c>pci-assign</c> (QEMU dropped it in 4.0); else through <c>pci-assign</c>,
/// libvirt 0.10.2's choice. A mediated device is a VFIO device on its sysfs node (<c>vfio-pci-nohotplug</c> when it
/// also gives the guest a ramfb display), a vhost-scsi target a <c>vhost-scsi-pci</c>, a host SCSI LUN a <c>scsi-generic</c>.
/// </summary>
internal static class HostDeviceTypes
{
    public const string VfioPci = "vfio-pci";

    public static string For(HostDeviceSource source, EmulatorDescription emulator) => source switch
    {
        UsbHostDeviceSource => "usb-host",
        PciHostDeviceSource pci => Pci(pci, emulator),
        MdevHostDeviceSource { Model: MdevModel.VfioPci, Ramfb: true } => "vfio-pci-nohotplug",
        MdevHostDeviceSource mdev => HostDeviceXml.MdevModel.ToXml(mdev.Model),
        ScsiHostHostDeviceSource => "vhost-scsi-pci",
        ScsiHostDeviceSource => "scsi-generic",
        _ => throw new InvalidOperationException($"host device type {source.Type} has no QEMU device"),
    };

    public static string Pci(PciHostDeviceSource pci, EmulatorDescription emulator) => pci.Backend switch
    {
        PciBackend.Vfio => VfioPci,
        PciBackend.Kvm => QemuDeviceNames.HostDevice(pci),
        _ => emulator.HasDeviceType("pci-assign") ? QemuDeviceNames.HostDevice(pci) : VfioPci,
    };
}
