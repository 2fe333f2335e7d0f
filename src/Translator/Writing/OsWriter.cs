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
        var type = domain.Type == DomainType.Xen && os.Type == OsType.Xen ? OsType.Linux : os.Type;
        var bootDevices = os.BootDevices;
        if (bootDevices.IsEmpty && context.IsHvm && domain.Bootloader is null && !HasDeviceBootOrder(domain.Devices))
            bootDevices = [BootDevice.HardDisk];
        return Element("os",
        [
            TextElement("type", OsTypeXml.Table.ToXml(type), Attr("arch", os.Arch), Attr("machine", os.Machine)),
            TextElement("init", os.Init),
            .. os.InitArgs.Select(arg => TextElement("initarg", arg)),
            TextElement("loader", os.Loader),
            TextElement("kernel", os.Kernel),
            TextElement("initrd", os.Initrd),
            TextElement("cmdline", os.Cmdline),
            TextElement("dtb", os.Dtb),
            TextElement("root", os.Root),
            .. bootDevices.Select(dev => Element("boot", Attr("dev", dev, BootDeviceXml.Table))),
            os.BootMenu is null ? null : Element("bootmenu", YesNo("enable", os.BootMenu)),
            UnlessEmpty(Element("bios", YesNo("useserial", os.BiosUseSerial), Attr("rebootTimeout", os.BiosRebootTimeout))),
            os.Smbios is null ? null : Element("smbios", Attr("mode", os.Smbios, SmbiosModeXml.Table)),
        ]);
    }

    private static bool HasDeviceBootOrder(Model.Devices devices) =>
        devices.Disks.Any(d => d.BootOrder is not null)
        || devices.Interfaces.Any(i => i.BootOrder is not null)
        || devices.HostDevices.Any(h => h.BootOrder is not null)
        || devices.RedirectedDevices.Any(r => r.BootOrder is not null);
}
