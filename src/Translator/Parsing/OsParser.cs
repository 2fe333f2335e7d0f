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
        var loader = os.Child("loader");
        var loaderSettings = Loader(loader);
        var bootMenu = os.Child("bootmenu");
        return new OsConfig
        {
            Type = type ?? OsType.Hvm,
            Arch = typeElement?.Attr("arch"),
            Machine = typeElement?.Attr("machine"),
            Firmware = os.Enum("firmware", OsFirmwareXml.Firmware),
            FirmwareFeatures = FirmwareFeatures(os.Child("firmware")),
            // libvirt 9 allows a loader with attributes only (the path then comes from firmware
            // selection): no path then, rather than an empty one. A bare <loader/> reads as before.
            Loader = loader is null ? null
                : loaderSettings is not null && loader.Text.Trim().Length == 0 ? null : loader.Text.Trim(),
            LoaderSettings = loaderSettings,
            Nvram = Nvram(os.Child("nvram")),
            BootDevices = BootDevices(os),
            BootMenu = bootMenu?.YesNo("enable"),
            BootMenuTimeout = bootMenu?.UInt("timeout", ushort.MaxValue),
            BiosUseSerial = bios?.YesNo("useserial"),
            BiosRebootTimeout = bios?.Int("rebootTimeout", min: -1, max: 65535),
            Smbios = os.Child("smbios")?.RequiredEnum("mode", SmbiosModeXml.Table),
            AcpiTables = AcpiTables(os.Child("acpi")),
            Kernel = os.ChildTrimmedText("kernel"),
            Initrd = os.ChildTrimmedText("initrd"),
            Cmdline = os.ChildText("cmdline"),
            Root = os.ChildTrimmedText("root"),
            Dtb = os.ChildTrimmedText("dtb"),
            Init = os.ChildTrimmedText("init"),
            InitArgs = os.ChildrenParsed("initarg", a => a.Text),
            Location = os.Location,
        };
    }

    /// <summary>The boot devices in document order; a wrong one is reported and left out.</summary>
    private static System.Collections.Immutable.ImmutableArray<BootDevice> BootDevices(ElementReader os)
    {
        // The builder is made at the first device: many documents boot by <boot> in the devices, or not at all.
        System.Collections.Immutable.ImmutableArray<BootDevice>.Builder? devices = null;
        foreach (var boot in os.Children("boot"))
            if (boot.RequiredEnum("dev", BootDeviceXml.Table) is { } device) (devices ??= System.Collections.Immutable.ImmutableArray.CreateBuilder<BootDevice>()).Add(device);
        return devices is null ? [] : devices.DrainToImmutable();
    }

    private static System.Collections.Immutable.ImmutableArray<FirmwareFeature> FirmwareFeatures(ElementReader? firmware)
    {
        if (firmware is null) return [];
        var features = firmware.ChildrenParsed("feature", f =>
        {
            var enabled = f.RequiredAttr("enabled") is null ? null : f.YesNo("enabled");
            var name = f.RequiredEnum("name", OsFirmwareXml.FeatureName);
            return enabled is null || name is null ? null : new FirmwareFeature(name.Value, enabled.Value);
        });
        if (!firmware.HasChild("feature"))
            firmware.Error(DiagnosticCatalog.MissingElement, "<firmware> needs at least one <feature>");
        return features;
    }

    private static LoaderSettings? Loader(ElementReader? loader)
    {
        if (loader is null) return null;
        var settings = new LoaderSettings
        {
            Readonly = loader.YesNo("readonly"),
            Secure = loader.YesNo("secure"),
            Type = loader.Enum("type", OsFirmwareXml.LoaderType),
            Stateless = loader.YesNo("stateless"),
            Location = loader.Location,
        };
        return settings is { Readonly: null, Secure: null, Type: null, Stateless: null } ? null : settings;
    }

    private static NvramConfig? Nvram(ElementReader? nvram)
    {
        if (nvram is null) return null;
        var path = nvram.Text.Trim();
        var sourceType = nvram.Enum("type", DiskXml.Type);
        var source = nvram.Child("source");
        if (sourceType is null && source is not null)
            nvram.Error(DiagnosticCatalog.MissingAttribute, "an <nvram> with a <source> needs a 'type' attribute");
        return new NvramConfig
        {
            Template = nvram.Attr("template"),
            Path = path.Length > 0 ? path : null,
            SourceType = sourceType,
            Source = sourceType is { } type && source is not null ? DiskSourceParser.Parse(source, type) : null,
            Location = nvram.Location,
        };
    }

    private static System.Collections.Immutable.ImmutableArray<AcpiTable> AcpiTables(ElementReader? acpi) =>
        acpi is null
            ? []
            : acpi.ChildrenParsed("table", t =>
            {
                var tableType = t.RequiredEnum("type", OsFirmwareXml.AcpiTableType);
                var path = t.Text.Trim();
                if (path.Length == 0) t.Error(DiagnosticCatalog.MissingElement, "<table> needs the path of the table file");
                return tableType is null || path.Length == 0 ? null : new AcpiTable(tableType.Value, path);
            });
}
