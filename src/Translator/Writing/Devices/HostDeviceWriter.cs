using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;hostdev mode type managed&gt;</c>: the source of its mode and type, then device info.</summary>
internal static class HostDeviceWriter
{
    /// <summary>A subsystem device always states whether it is managed (no unless given).</summary>
    public static XmlElement Write(HostDevice hostdev)
    {
        var source = hostdev.Source;
        var typeTable = source.Mode == HostDeviceMode.Subsystem ? HostDeviceXml.SubsystemType : HostDeviceXml.CapabilitiesType;
        return Element("hostdev",
        [
            Attr("mode", source.Mode, HostDeviceXml.Mode),
            Attr("type", source.Type, typeTable),
            source.Mode == HostDeviceMode.Subsystem ? YesNo("managed", hostdev.Managed ?? false) : null,
            Source(source),
            .. DeviceInfoWriter.Write(hostdev.Address, hostdev.Alias, hostdev.BootOrder, hostdev.Rom),
        ]);
    }

    private static XmlElement Source(HostDeviceSource source) => source switch
    {
        UsbHostDeviceSource usb => Element("source",
            Attr("startupPolicy", usb.StartupPolicy, DiskXml.StartupPolicy),
            usb.VendorId is null ? null : Element("vendor", Hex("id", usb.VendorId, 4)),
            usb.ProductId is null ? null : Element("product", Hex("id", usb.ProductId, 4)),
            usb.HostBus is null && usb.HostDevice is null
                ? null
                : Element("address", Attr("bus", usb.HostBus ?? 0), Attr("device", usb.HostDevice ?? 0))),
        PciHostDeviceSource pci => Element("source",
            Element("address",
                Hex("domain", pci.Domain ?? 0, 4),
                Hex("bus", pci.Bus ?? 0, 2),
                Hex("slot", pci.Slot ?? 0, 2),
                Hex("function", pci.Function ?? 0, 1))),
        StorageHostDeviceSource storage => Element("source", TextElement("block", storage.Block)),
        MiscHostDeviceSource misc => Element("source", TextElement("char", misc.Char)),
        NetHostDeviceSource net => Element("source", TextElement("interface", net.Interface)),
        _ => throw new InvalidOperationException($"no writer for hostdev source {source.GetType().Name}"),
    };
}
