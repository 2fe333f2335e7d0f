using DomainLauncher.Drivers.Qemu.Plan.Pci;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Drivers.Qemu.Plan;

/// <summary>
/// A serial port's front end on a machine that is not pseries: the target's model when the XML names one, else its
/// type's device (an ISA port by default, at the XML's I/O port and IRQ when it gives them; <c>usb-serial</c>, on the
/// XML's USB port; <c>pci-serial</c> with a PCI address; the ISA debug console <c>isa-debugcon</c> at the XML's I/O port).
/// </summary>
internal static class SerialPlanning
{
    public static PlannedCharDevice FrontEnd(PlannedCharDevice serial, PciSlots pci)
    {
        var type = QemuType(serial.Device.Target as SerialTarget);
        var isa = type is IsaSerial or IsaDebugcon ? serial.Device.Address as IsaAddress : null;
        return serial with
        {
            QemuType = type,
            Pci = type == PciSerial ? pci.Place(serial.Device.Address, serial.Device.Location, "the serial port") : null,
            IoBase = isa?.IoBase,
            // The debug console has no interrupt line.
            Irq = type == IsaSerial ? isa?.Irq : null,
            Usb = type == UsbSerial ? serial.Device.Address as UsbAddress : null,
        };
    }

    public const string IsaSerial = "isa-serial";
    public const string UsbSerial = "usb-serial";
    public const string PciSerial = "pci-serial";
    public const string IsaDebugcon = "isa-debugcon";

    /// <summary>The QEMU device of a serial target, or null where an x86 QEMU has none (the ARM, s390 and pseries kinds).</summary>
    public static string? QemuType(SerialTarget? target) => target?.Model switch
    {
        null => target?.Type switch
        {
            null or SerialTargetType.IsaSerial => IsaSerial,
            SerialTargetType.UsbSerial => UsbSerial,
            SerialTargetType.PciSerial => PciSerial,
            SerialTargetType.IsaDebug => IsaDebugcon,
            _ => null,
        },
        SerialTargetModel.IsaSerial => IsaSerial,
        SerialTargetModel.UsbSerial => UsbSerial,
        SerialTargetModel.PciSerial => PciSerial,
        SerialTargetModel.IsaDebugcon => IsaDebugcon,
        _ => null,
    };
}
