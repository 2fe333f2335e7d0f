using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>
/// Writes what every device may end with, in the reference's order: boot order, alias, ROM
/// settings, guest address.
/// </summary>
internal static class DeviceInfoWriter
{
    public static IEnumerable<XmlElement?> Write(
        DeviceAddress? address, string? alias, uint? bootOrder = null, RomSettings? rom = null) =>
    [
        Boot(bootOrder),
        Alias(alias),
        Rom(rom),
        Address(address),
    ];

    public static XmlElement? Boot(uint? order) => order is null ? null : Element("boot", Attr("order", (ulong)order.Value));

    public static XmlElement? Alias(string? alias) => alias is null ? null : Element("alias", Attr("name", alias));

    /// <summary><c>&lt;acpi index='N'/&gt;</c>, or null.</summary>
    public static XmlElement? Acpi(uint? index) => index is null ? null : Element("acpi", Attr("index", index));

    public static XmlElement? Rom(RomSettings? rom) =>
        rom is null ? null : UnlessEmpty(Element("rom", YesNo("enabled", rom.Enabled), OnOff("bar", rom.Bar), Attr("file", rom.File)));

    /// <summary>
    /// <c>&lt;address type='...'/&gt;</c> with the numbers it holds: PCI in hexadecimal, controller
    /// positions in decimal.
    /// </summary>
    public static XmlElement? Address(DeviceAddress? address) => address switch
    {
        null => null,
        PciAddress pci => Element("address", [Attr("type", pci.Type, AddressTypeXml.Table), .. PciFields(pci), Zpci(pci.Zpci)]),
        DriveAddress drive => Element("address",
            Attr("type", drive.Type, AddressTypeXml.Table),
            Attr("controller", drive.Controller),
            Attr("bus", drive.Bus),
            Attr("target", drive.Target),
            Attr("unit", drive.Unit)),
        VirtioSerialAddress serial => Element("address",
            Attr("type", serial.Type, AddressTypeXml.Table),
            Attr("controller", serial.Controller),
            Attr("bus", serial.Bus),
            Attr("port", serial.Port)),
        CcidAddress ccid => Element("address",
            Attr("type", ccid.Type, AddressTypeXml.Table),
            Attr("controller", ccid.Controller),
            Attr("slot", ccid.Slot)),
        UsbAddress usb => Element("address",
            Attr("type", usb.Type, AddressTypeXml.Table),
            Attr("bus", usb.Bus),
            Attr("port", usb.Port)),
        SpaprVioAddress vio => Element("address",
            Attr("type", vio.Type, AddressTypeXml.Table),
            Hex("reg", vio.Reg, 0)),
        VirtioS390Address s390 => Element("address", Attr("type", s390.Type, AddressTypeXml.Table)),
        IsaAddress isa => Element("address",
            Attr("type", isa.Type, AddressTypeXml.Table),
            Hex("iobase", isa.IoBase, 0),
            Hex("irq", isa.Irq, 0)),
        CcwAddress ccw => Element("address",
            Attr("type", ccw.Type, AddressTypeXml.Table),
            Hex("cssid", ccw.Cssid, 0),
            Hex("ssid", ccw.Ssid, 0),
            Hex("devno", ccw.Devno, 4)),
        VirtioMmioAddress mmio => Element("address", Attr("type", mmio.Type, AddressTypeXml.Table)),
        DimmAddress dimm => Element("address",
            Attr("type", dimm.Type, AddressTypeXml.Table),
            Attr("slot", dimm.Slot),
            Hex("base", dimm.Base, 0)),
        UnassignedAddress unassigned => Element("address", Attr("type", unassigned.Type, AddressTypeXml.Table)),
        _ => throw new InvalidOperationException($"no writer for address {address.GetType().Name}"),
    };

    /// <summary><c>&lt;zpci uid fid/&gt;</c> as 0x%.4x and 0x%.8x, each only when given.</summary>
    private static XmlElement? Zpci(ZpciAddress? zpci) =>
        zpci is null ? null : Element("zpci", Hex("uid", zpci.Uid, 4), Hex("fid", zpci.Fid, 8));

    /// <summary>domain, bus, slot, function as 0x%.4x, 0x%.2x, 0x%.2x, 0x%.1x, then multifunction.</summary>
    public static IEnumerable<XmlAttribute?> PciFields(PciAddress pci) =>
    [
        Hex("domain", pci.Domain, 4),
        Hex("bus", pci.Bus, 2),
        Hex("slot", pci.Slot, 2),
        Hex("function", pci.Function, 1),
        OnOff("multifunction", pci.Multifunction),
    ];
}
