using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;hostdev&gt;</c>: mode and type select how its source is read.</summary>
internal static class HostDeviceParser
{
    public static HostDevice? Parse(ElementReader hostdev)
    {
        var mode = hostdev.RequiredEnum("mode", HostDeviceXml.Mode);
        var type = mode switch
        {
            HostDeviceMode.Subsystem => hostdev.RequiredEnum("type", HostDeviceXml.SubsystemType),
            HostDeviceMode.Capabilities => hostdev.RequiredEnum("type", HostDeviceXml.CapabilitiesType),
            _ => null,
        };
        var managed = hostdev.YesNo("managed");

        HostDeviceSource? source = null;
        var sourceElement = hostdev.Child("source");
        if (sourceElement is null)
            hostdev.Error(DiagnosticCatalog.MissingElement, "missing required element <source>");
        else if (type is not null)
            source = type.Value switch
            {
                HostDeviceType.Usb => Usb(sourceElement),
                HostDeviceType.Pci => Pci(hostdev, sourceElement),
                HostDeviceType.Scsi => HostDeviceScsiParser.Scsi(hostdev, sourceElement),
                HostDeviceType.ScsiHost => HostDeviceScsiParser.ScsiHost(hostdev, sourceElement),
                HostDeviceType.Mdev => HostDeviceScsiParser.Mdev(hostdev, sourceElement),
                HostDeviceType.Storage => Capability(sourceElement, "block", p => new StorageHostDeviceSource(p)),
                HostDeviceType.Misc => Capability(sourceElement, "char", p => new MiscHostDeviceSource(p)),
                HostDeviceType.Net => Capability(sourceElement, "interface", p => new NetHostDeviceSource(p)
                {
                    Ips = hostdev.ChildrenParsed("ip", InterfaceAddressingParser.Ip),
                    Routes = hostdev.ChildrenParsed("route", InterfaceAddressingParser.Route),
                }),
                _ => null,
            };

        var bootOrder = CommonParsers.BootOrder(hostdev);
        var rom = CommonParsers.Rom(hostdev);
        var acpiIndex = hostdev.SingleChild("acpi")?.UInt("index");
        var readOnly = hostdev.SingleChild("readonly") is not null;
        var shareable = hostdev.SingleChild("shareable") is not null;
        var address = CommonParsers.Address(hostdev);
        var alias = CommonParsers.Alias(hostdev);
        return source is null
            ? null
            : new HostDevice
            {
                Source = source,
                Managed = managed,
                BootOrder = bootOrder,
                Rom = rom,
                AcpiIndex = acpiIndex,
                ReadOnly = readOnly,
                Shareable = shareable,
                Address = address,
                Alias = alias,
                Location = hostdev.Location,
            };
    }

    private static UsbHostDeviceSource? Usb(ElementReader source)
    {
        var startupPolicy = source.Enum("startupPolicy", DiskXml.StartupPolicy);
        var guestReset = source.Enum("guestReset", HostDeviceXml.GuestReset);
        var vendorElement = source.Child("vendor");
        var productElement = source.Child("product");
        var vendor = vendorElement is null ? null : Id(vendorElement);
        var product = productElement is null ? null : Id(productElement);
        if (vendorElement is not null && productElement is null)
            source.Error(DiagnosticCatalog.MissingElement, "missing <product>: a USB <vendor> id needs a <product> id");
        if (productElement is not null && vendorElement is null)
            source.Error(DiagnosticCatalog.MissingElement, "missing <vendor>: a USB <product> id needs a <vendor> id");

        uint? bus = null, device = null;
        var address = source.Child("address");
        if (address is not null)
        {
            bus = address.RequiredAttr("bus") is null ? null : DeviceValueParsers.CNumber(address, "bus");
            device = address.RequiredAttr("device") is null ? null : DeviceValueParsers.CNumber(address, "device");
        }
        if (vendorElement is null && productElement is null && address is null)
        {
            source.Error(DiagnosticCatalog.MissingElement,
                "a USB host device needs <vendor> and <product> ids or an <address bus device>");
            return null;
        }
        return new UsbHostDeviceSource
        {
            VendorId = vendor,
            ProductId = product,
            HostBus = bus,
            HostDevice = device,
            StartupPolicy = startupPolicy,
            GuestReset = guestReset,
            Location = source.Location,
        };
    }

    private static uint? Id(ElementReader element) =>
        element.RequiredAttr("id") is null ? null : DeviceValueParsers.CNumber(element, "id", 0xFFFF);

    private static PciHostDeviceSource? Pci(ElementReader hostdev, ElementReader source)
    {
        var backend = hostdev.SingleChild("driver")?.RequiredEnum("name", HostDeviceXml.PciBackend);
        var teaming = hostdev.SingleChild("teaming") is { } teamingElement ? TeamingParser.Parse(teamingElement) : null;
        var startupPolicy = source.Enum("startupPolicy", DiskXml.StartupPolicy);
        var writeFiltering = source.YesNo("writeFiltering");
        var address = source.Child("address");
        if (address is null)
        {
            source.Error(DiagnosticCatalog.MissingElement, "missing required element <address> (the host PCI address)");
            return null;
        }
        return new PciHostDeviceSource
        {
            Domain = DeviceValueParsers.CNumber(address, "domain", 0xFFFF),
            Bus = DeviceValueParsers.CNumber(address, "bus", 0xFF),
            Slot = DeviceValueParsers.CNumber(address, "slot", 0x1F),
            Function = DeviceValueParsers.CNumber(address, "function", 7),
            Backend = backend,
            StartupPolicy = startupPolicy,
            WriteFiltering = writeFiltering,
            Teaming = teaming,
            Location = source.Location,
        };
    }

    private static HostDeviceSource? Capability(ElementReader source, string childName, Func<string, HostDeviceSource> create)
    {
        var path = source.ChildTrimmedText(childName);
        if (path is null || path.Length == 0)
        {
            source.Error(DiagnosticCatalog.MissingElement, $"missing required element <{childName}> (or it is empty)");
            return null;
        }
        return create(path) with { Location = source.Location };
    }
}
