using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes the host bootloader and <c>&lt;os&gt;</c>.</summary>
internal static class OsWriter
{
    /// <summary>bootloader, bootloader_args, then os.</summary>
    public static IEnumerable<XmlElement?> Write(Domain domain, WriteContext context) =>
    [
        TextElement("bootloader", domain.Bootloader),
        TextElement("bootloader_args", domain.BootloaderArgs),
        Os(domain.Os, domain, context),
    ];

    /// <summary>
    /// The reference writes a Xen paravirtualized type as the historical <c>linux</c>, and gives a
    /// fully virtualized guest that names no boot device (not even per device) a boot from disk.
    /// </summary>
    private static XmlElement? Os(OsConfig? os, Domain domain, WriteContext context)
    {
        if (os is null) return null;
        var type = os.Type;
        var bootDevices = os.BootDevices;
        return Element("os",
        [
            Attr("firmware", os.Firmware, OsFirmwareXml.Firmware),
            TextElement("type", OsTypeXml.Table.ToXml(type), Attr("arch", os.Arch), Attr("machine", os.Machine)),
            os.FirmwareFeatures.IsEmpty
                ? null
                : Element("firmware",
                [
                    .. os.FirmwareFeatures.Select(f =>
                        Element("feature", YesNo("enabled", f.Enabled), Attr("name", f.Name, OsFirmwareXml.FeatureName))),
                ]),
            TextElement("init", os.Init),
            .. os.InitArgs.Select(arg => TextElement("initarg", arg)),
            Loader(os),
            os.Nvram is { } nvram
                ? nvram.Source is { } source
                    ? Element("nvram", Attr("template", nvram.Template), Attr("type", nvram.SourceType, DiskXml.Type),
                        Devices.DiskWriter.Source(source))
                    : Element("nvram", Attr("template", nvram.Template), Attr("type", nvram.SourceType, DiskXml.Type)) with { Text = nvram.Path }
                : null,
            TextElement("kernel", os.Kernel),
            TextElement("initrd", os.Initrd),
            TextElement("cmdline", os.Cmdline),
            TextElement("dtb", os.Dtb),
            TextElement("root", os.Root),
            // libvirt 9 writes the ACPI tables with the files the guest boots from, before the boot order.
            os.AcpiTables.IsEmpty
                ? null
                : Element("acpi",
                [
                    .. os.AcpiTables.Select(t => TextElement("table", t.Path, Attr("type", t.Type, OsFirmwareXml.AcpiTableType))),
                ]),
            .. bootDevices.Select(dev => Element("boot", Attr("dev", dev, BootDeviceXml.Table))),
            os.BootMenu is null && os.BootMenuTimeout is null
                ? null
                : Element("bootmenu", YesNo("enable", os.BootMenu), Attr("timeout", os.BootMenuTimeout)),
            UnlessEmpty(Element("bios", YesNo("useserial", os.BiosUseSerial), Attr("rebootTimeout", os.BiosRebootTimeout))),
            os.Smbios is null ? null : Element("smbios", Attr("mode", os.Smbios, SmbiosModeXml.Table)),
        ]);
    }

    /// <summary><c>&lt;loader readonly secure type stateless&gt;path&lt;/loader&gt;</c>, with or without a path.</summary>
    private static XmlElement? Loader(OsConfig os)
    {
        if (os.Loader is null && os.LoaderSettings is null) return null;
        var settings = os.LoaderSettings;
        return Element("loader",
            YesNo("readonly", settings?.Readonly), YesNo("secure", settings?.Secure),
            Attr("type", settings?.Type, OsFirmwareXml.LoaderType), YesNo("stateless", settings?.Stateless)) with { Text = os.Loader };
    }
}
