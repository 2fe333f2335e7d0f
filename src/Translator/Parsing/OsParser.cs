using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;os&gt;</c>: type with arch and machine, loader, boot list, bootmenu, bios, smbios, kernel boot.</summary>
internal static class OsParser
{
    public static OsConfig? Parse(ElementReader domain)
    {
        var os = domain.Child("os");
        if (os is null) return null;
        var typeElement = os.Child("type");
        OsType? type = null;
        if (typeElement is null)
            os.Error(DiagnosticCatalog.MissingElement, "missing required element <type> (hvm, linux, xen, exe or uml)");
        else
            type = typeElement.EnumText(OsTypeXml.Table);

        var bios = os.Child("bios");
        return new OsConfig
        {
            Type = type ?? OsType.Hvm,
            Arch = typeElement?.Attr("arch"),
            Machine = typeElement?.Attr("machine"),
            Loader = os.ChildTrimmedText("loader"),
            BootDevices = [.. os.Children("boot").Select(b => b.RequiredEnum("dev", BootDeviceXml.Table))
                .Where(b => b is not null).Select(b => b!.Value)],
            BootMenu = os.Child("bootmenu")?.YesNo("enable"),
            BiosUseSerial = bios?.YesNo("useserial"),
            BiosRebootTimeout = bios?.Int("rebootTimeout", min: -1, max: 65535),
            Smbios = os.Child("smbios")?.RequiredEnum("mode", SmbiosModeXml.Table),
            Kernel = os.ChildTrimmedText("kernel"),
            Initrd = os.ChildTrimmedText("initrd"),
            Cmdline = os.ChildText("cmdline"),
            Root = os.ChildTrimmedText("root"),
            Dtb = os.ChildTrimmedText("dtb"),
            Init = os.ChildTrimmedText("init"),
            InitArgs = [.. os.Children("initarg").Select(a => a.Text)],
            Location = os.Location,
        };
    }
}
