using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Readers for pieces that many elements share: device addresses, aliases, boot order, ROM
/// settings and memory sizes with units.
/// </summary>
public static class CommonParsers
{
    /// <summary>The <c>&lt;address&gt;</c> child of a device, or null when it has none.</summary>
    public static DeviceAddress? Address(ElementReader device)
    {
        var address = device.SingleChild("address");
        return address is null ? null : AddressOf(address);
    }

    /// <summary>An address element read by its <c>type</c>; numbers are decimal or 0x-hexadecimal.</summary>
    public static DeviceAddress? AddressOf(ElementReader a)
    {
        var type = a.RequiredEnum("type", AddressTypeXml.Table);
        return type switch
        {
            AddressType.Pci => new PciAddress
            {
                Domain = a.UInt("domain", 0xFFFF, allowHex: true),
                Bus = a.UInt("bus", 0xFF, allowHex: true),
                Slot = a.UInt("slot", 0x1F, allowHex: true),
                Function = a.UInt("function", 7, allowHex: true),
                Multifunction = a.OnOff("multifunction"),
                Zpci = Zpci(a),
            },
            AddressType.Drive => new DriveAddress
            {
                Controller = a.UInt("controller", allowHex: true),
                Bus = a.UInt("bus", allowHex: true),
                Target = a.UInt("target", allowHex: true),
                Unit = a.UInt("unit", allowHex: true),
            },
            AddressType.VirtioSerial => new VirtioSerialAddress
            {
                Controller = a.UInt("controller", allowHex: true),
                Bus = a.UInt("bus", allowHex: true),
                Port = a.UInt("port", allowHex: true),
            },
            AddressType.Ccid => new CcidAddress
            {
                Controller = a.UInt("controller", allowHex: true),
                Slot = a.UInt("slot", allowHex: true),
            },
            AddressType.Usb => new UsbAddress
            {
                Bus = a.UInt("bus", allowHex: true),
                Port = UsbPort(a),
            },
            AddressType.SpaprVio => new SpaprVioAddress { Reg = a.Unsigned("reg", allowHex: true) },
            AddressType.VirtioS390 => new VirtioS390Address(),
            AddressType.Isa => new IsaAddress
            {
                IoBase = a.UInt("iobase", allowHex: true),
                Irq = a.UInt("irq", allowHex: true),
            },
            AddressType.Ccw => Ccw(a),
            AddressType.VirtioMmio => new VirtioMmioAddress(),
            AddressType.Dimm => new DimmAddress
            {
                Slot = a.UInt("slot"),
                Base = a.Unsigned("base", allowHex: true),
            },
            AddressType.Unassigned => new UnassignedAddress(),
            _ => null,
        };
    }

    /// <summary><c>&lt;zpci uid fid/&gt;</c> inside a PCI address (uid 16 bits, fid 32 bits), or null.</summary>
    private static ZpciAddress? Zpci(ElementReader a)
    {
        var zpci = a.SingleChild("zpci");
        if (zpci is null) return null;
        return new ZpciAddress { Uid = zpci.UInt("uid", 0xFFFF, allowHex: true), Fid = zpci.UInt("fid", allowHex: true) };
    }

    /// <summary>A channel I/O address: cssid (up to 0xfe), ssid (up to 3) and devno (16 bits), all three or none.</summary>
    private static CcwAddress Ccw(ElementReader a)
    {
        var address = new CcwAddress
        {
            Cssid = a.UInt("cssid", 0xFE, allowHex: true),
            Ssid = a.UInt("ssid", 3, allowHex: true),
            Devno = a.UInt("devno", 0xFFFF, allowHex: true),
        };
        var given = new[] { "cssid", "ssid", "devno" }.Count(a.HasAttribute);
        if (given is not (0 or 3))
            a.Error(DiagnosticCatalog.MissingAttribute, "a ccw address gives cssid, ssid and devno together, or none of them");
        return address;
    }

    private static string? UsbPort(ElementReader a)
    {
        var port = a.Attr("port");
        if (port is null) return null;
        // A port path: up to four dot-separated numbers (hub ports), e.g. "1" or "1.2".
        var parts = port.Split('.');
        if (parts.Length > 4 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            a.AttrError("port", DiagnosticCatalog.InvalidValue,
                $"'{port}' is not a USB port path (numbers separated by dots, e.g. 1 or 1.2)");
            return null;
        }
        return port;
    }

    /// <summary><c>&lt;alias name='...'/&gt;</c> (set by a running hypervisor), or null.</summary>
    public static string? Alias(ElementReader device) => device.SingleChild("alias")?.RequiredAttr("name");

    /// <summary><c>&lt;acpi index='N'/&gt;</c>: the ACPI index of a device, or null.</summary>
    public static uint? AcpiIndex(ElementReader device) => device.SingleChild("acpi")?.UInt("index");

    /// <summary><c>&lt;boot order='N'/&gt;</c> (N from 1), or null.</summary>
    public static uint? BootOrder(ElementReader device)
    {
        var boot = device.SingleChild("boot");
        if (boot is null) return null;
        var order = boot.RequiredAttr("order") is null ? null : boot.UInt("order");
        if (order == 0)
        {
            boot.AttrError("order", DiagnosticCatalog.NumberOutOfRange, "boot order must be 1 or more");
            return null;
        }
        return order;
    }

    /// <summary><c>&lt;rom bar='on|off' file='...'/&gt;</c>, or null.</summary>
    public static RomSettings? Rom(ElementReader device)
    {
        var rom = device.SingleChild("rom");
        return rom is null ? null : new RomSettings { Enabled = rom.YesNo("enabled"), Bar = rom.OnOff("bar"), File = rom.Attr("file") };
    }

    /// <summary>
    /// A memory size element: its content is the value and its <c>unit</c> attribute the unit
    /// (<paramref name="defaultUnit"/> when absent). Overflow is an error.
    /// </summary>
    public static MemorySize? MemoryElement(ElementReader element, string defaultUnit = "KiB")
    {
        var unitText = element.Attr("unit") ?? defaultUnit;
        if (!MemoryUnit.TryGetBytes(unitText, out var bytesPerUnit))
        {
            element.AttrError("unit", DiagnosticCatalog.UnknownEnumValue,
                $"'{unitText}' is not a memory unit; allowed: {string.Join(", ", MemoryUnit.Names)}");
            return null;
        }
        var value = element.UnsignedText();
        if (value is null) return null;
        var size = MemoryUnit.ToSize(value.Value, bytesPerUnit);
        if (size is null)
            element.Error(DiagnosticCatalog.NumberOutOfRange,
                $"{value} {unitText} is too large; at most 16 EiB can be expressed");
        return size;
    }

    /// <summary>A memory size given as an attribute value in KiB (e.g. NUMA cell memory).</summary>
    public static MemorySize? MemoryAttribute(ElementReader element, string name)
    {
        var kib = element.Unsigned(name, ulong.MaxValue / 1024);
        return kib is null ? null : new MemorySize(kib.Value);
    }
}
