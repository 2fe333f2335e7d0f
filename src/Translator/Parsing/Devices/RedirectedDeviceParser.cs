using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;redirdev bus type&gt;</c>: its character source, boot order, address and alias.</summary>
internal static class RedirectedDeviceParser
{
    public static RedirectedDevice? Parse(ElementReader element)
    {
        var bus = element.Enum("bus", RedirectedDeviceBusXml.Table);
        var type = element.RequiredEnum("type", CharSourceXml.Type);
        var source = type is null ? null : CharSourceParser.Parse(element, type.Value);
        var bootOrder = CommonParsers.BootOrder(element);
        var address = ReadUsbAddress(element);
        var alias = CommonParsers.Alias(element);
        return source is null
            ? null
            : new RedirectedDevice
            {
                Bus = bus,
                Source = source,
                BootOrder = bootOrder,
                Address = address,
                Alias = alias,
                Location = element.Location,
            };
    }

    private static UsbAddress? ReadUsbAddress(ElementReader element)
    {
        var address = CommonParsers.Address(element);
        if (address is null or UsbAddress) return (UsbAddress?)address;
        element.Child("address")!.AttrError("type", DiagnosticCatalog.InvalidValue,
            $"a redirected USB device sits on a USB port: its address type must be 'usb', not '{AddressTypeXml.Table.ToXml(address.Type)}'");
        return null;
    }
}
