using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;filesystem&gt;</c>: type and access mode (always, with their defaults), driver, source, target, readonly.</summary>
internal static class FilesystemWriter
{
    public static XmlElement Write(Filesystem fs) =>
        Element("filesystem",
        [
            Attr("type", fs.Type ?? fs.Source.Type, FilesystemXml.Type),
            Attr("accessmode", fs.AccessMode ?? FilesystemAccessMode.Passthrough, FilesystemXml.AccessMode),
            fs.Driver is { } driver ? UnlessEmpty(Element("driver",
                Attr("type", driver.Type, FilesystemXml.DriverType),
                Attr("format", driver.Format, DiskXml.Format),
                Attr("wrpolicy", driver.WritePolicy, FilesystemXml.WritePolicy))) : null,
            Source(fs.Source),
            Element("target", Attr("dir", fs.TargetDir)),
            Flag("readonly", fs.ReadOnly),
            .. DeviceInfoWriter.Write(fs.Address, fs.Alias),
        ]);

    private static XmlElement Source(FilesystemSource source) => source switch
    {
        MountFilesystemSource mount => Element("source", Attr("dir", mount.Dir)),
        BindFilesystemSource bind => Element("source", Attr("dir", bind.Dir)),
        TemplateFilesystemSource template => Element("source", Attr("name", template.Name)),
        FileFilesystemSource file => Element("source", Attr("file", file.File)),
        BlockFilesystemSource block => Element("source", Attr("dev", block.Dev)),
        RamFilesystemSource ram => Element("source", Attr("usage", ram.Usage.Kibibytes), Attr("units", "KiB")),
        _ => throw new InvalidOperationException($"no writer for filesystem source {source.GetType().Name}"),
    };
}
