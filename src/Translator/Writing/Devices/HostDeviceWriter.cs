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
            source.Mode == HostDeviceMode.Subsystem ? YesNo("managed", hostdev.Managed) : null,
            .. TypeAttributes(source),
            source is PciHostDeviceSource { Backend: { } backend } ? Element("driver", Attr("name", backend, HostDeviceXml.PciBackend)) : null,
            Source(source),
            .. source is NetHostDeviceSource net ? net.Ips.Select(InterfaceWriter.Ip) : [],
            .. source is NetHostDeviceSource netRoutes ? netRoutes.Routes.Select(InterfaceWriter.Route) : [],
            source is PciHostDeviceSource { Teaming: { } teaming } ? InterfaceWriter.Teaming(teaming) : null,
            Flag("readonly", hostdev.ReadOnly),
            Flag("shareable", hostdev.Shareable),
            DeviceInfoWriter.Boot(hostdev.BootOrder),
            DeviceInfoWriter.Alias(hostdev.Alias),
            DeviceInfoWriter.Rom(hostdev.Rom),
            hostdev.AcpiIndex is { } acpiIndex ? Element("acpi", Attr("index", acpiIndex)) : null,
            DeviceInfoWriter.Address(hostdev.Address),
        ]);
    }

    /// <summary>The attributes of the hostdev element that belong to one type: sgio and rawio, model, display and ramfb.</summary>
    private static IEnumerable<XmlAttribute?> TypeAttributes(HostDeviceSource source) => source switch
    {
        ScsiHostDeviceSource scsi => [Attr("sgio", scsi.Sgio, DiskXml.Sgio), YesNo("rawio", scsi.RawIo)],
        ScsiHostHostDeviceSource vhost => [Attr("model", vhost.Model, DiskXml.VirtioModel)],
        MdevHostDeviceSource mdev => [Attr("model", mdev.Model, HostDeviceXml.MdevModel), OnOff("display", mdev.Display), OnOff("ramfb", mdev.Ramfb)],
        _ => [],
    };

    private static XmlElement Source(HostDeviceSource source) => source switch
    {
        UsbHostDeviceSource usb => Element("source",
            Attr("startupPolicy", usb.StartupPolicy, DiskXml.StartupPolicy),
            Attr("guestReset", usb.GuestReset, HostDeviceXml.GuestReset),
            usb.VendorId is null ? null : Element("vendor", Hex("id", usb.VendorId, 4)),
            usb.ProductId is null ? null : Element("product", Hex("id", usb.ProductId, 4)),
            usb.HostBus is null && usb.HostDevice is null
                ? null
                : Element("address", Attr("bus", usb.HostBus), Attr("device", usb.HostDevice))),
        PciHostDeviceSource pci => Element("source",
            Attr("startupPolicy", pci.StartupPolicy, DiskXml.StartupPolicy),
            YesNo("writeFiltering", pci.WriteFiltering),
            Element("address",
                Hex("domain", pci.Domain, 4),
                Hex("bus", pci.Bus, 2),
                Hex("slot", pci.Slot, 2),
                Hex("function", pci.Function, 1))),
        ScsiHostDeviceSource { Where: ScsiAdapterLocation adapter } => Element("source",
            adapter.ProtocolGiven ? Attr("protocol", "adapter") : null,
            Element("adapter", Attr("name", adapter.AdapterName)),
            Element("address", Attr("bus", adapter.Bus), Attr("target", adapter.Target), Attr("unit", adapter.Unit))),
        ScsiHostDeviceSource { Where: ScsiIscsiLocation iscsi } => Element("source",
        [
            Attr("protocol", "iscsi"),
            Attr("name", iscsi.Name),
            .. iscsi.Hosts.Select(host => Element("host", Attr("name", host.Name), Attr("port", host.Port))),
            iscsi.Auth is { } auth ? DiskWriter.Auth(auth) : null,
            iscsi.InitiatorIqn is { } iqn ? Element("initiator", Element("iqn", Attr("name", iqn))) : null,
        ]),
        ScsiHostHostDeviceSource vhost => Element("source", Attr("protocol", "vhost"), Attr("wwpn", vhost.Wwpn)),
        MdevHostDeviceSource mdev => Element("source", Element("address", Attr("uuid", Uuid(mdev.Uuid)))),
        StorageHostDeviceSource storage => Element("source", TextElement("block", storage.Block)),
        MiscHostDeviceSource misc => Element("source", TextElement("char", misc.Char)),
        NetHostDeviceSource net => Element("source", TextElement("interface", net.Interface)),
        _ => throw new InvalidOperationException($"no writer for hostdev source {source.GetType().Name}"),
    };
}
