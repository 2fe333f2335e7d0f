using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes <c>&lt;filesystem&gt;</c>: type and access mode (always, with their defaults), driver, source, target, readonly.</summary>
internal static class FilesystemWriter
{
    public static XmlElement Write(Filesystem fs) =>
        Element("filesystem",
        [
            Attr("type", fs.Type, FilesystemXml.Type),
            Attr("accessmode", fs.AccessMode, FilesystemXml.AccessMode),
            Attr("model", fs.Model, DiskXml.VirtioModel),
            Attr("multidevs", fs.MultiDevs, FilesystemXml.MultiDevs),
            Mode("fmode", fs.FileMode),
            Mode("dmode", fs.DirectoryMode),
            fs.Driver is { } driver ? UnlessEmpty(Element("driver",
            [
                Attr("type", driver.Type, FilesystemXml.DriverType),
                Attr("format", driver.Format, DiskXml.Format),
                Attr("queue", driver.Queue),
                Attr("wrpolicy", driver.WritePolicy, FilesystemXml.WritePolicy),
                .. VirtioOptionsWriter.Write(driver.Virtio),
            ])) : null,
            fs.Binary is { } binary ? Binary(binary) : null,
            Source(fs.Source),
            Element("target", Attr("dir", fs.TargetDir)),
            Flag("readonly", fs.ReadOnly),
            DeviceInfoWriter.Boot(fs.BootOrder),
            DeviceInfoWriter.Alias(fs.Alias),
            fs.AcpiIndex is { } acpiIndex ? Element("acpi", Attr("index", acpiIndex)) : null,
            DeviceInfoWriter.Address(fs.Address),
            TextElement("space_hard_limit", fs.SpaceHardLimitBytes, Attr("unit", "bytes")),
            TextElement("space_soft_limit", fs.SpaceSoftLimitBytes, Attr("unit", "bytes")),
        ]);

    /// <summary>A creation mode as libvirt writes it: four octal digits.</summary>
    private static XmlAttribute? Mode(string name, uint? mode) =>
        mode is null ? null : Attr(name, "0" + Convert.ToString(mode.Value, 8).PadLeft(3, '0'));

    private static XmlElement Binary(VirtiofsBinary binary) =>
        Element("binary",
            Attr("path", binary.Path),
            OnOff("xattr", binary.Xattr),
            binary.CacheMode is { } cache ? Element("cache", Attr("mode", cache, FilesystemXml.CacheMode)) : null,
            binary.SandboxMode is { } sandbox ? Element("sandbox", Attr("mode", sandbox, FilesystemXml.SandboxMode)) : null,
            binary.LockPosix is null && binary.LockFlock is null
                ? null
                : Element("lock", OnOff("posix", binary.LockPosix), OnOff("flock", binary.LockFlock)),
            binary.ThreadPoolSize is { } size ? Element("thread_pool", Attr("size", size)) : null);

    private static XmlElement Source(FilesystemSource source) => source switch
    {
        MountFilesystemSource mount => Element("source", Attr("dir", mount.Dir)),
        SocketMountFilesystemSource socket => Element("source", Attr("socket", socket.Socket)),
        BindFilesystemSource bind => Element("source", Attr("dir", bind.Dir)),
        TemplateFilesystemSource template => Element("source", Attr("name", template.Name)),
        FileFilesystemSource file => Element("source", Attr("file", file.File)),
        BlockFilesystemSource block => Element("source", Attr("dev", block.Dev)),
        RamFilesystemSource ram => Element("source", Attr("usage", ram.Usage.Kibibytes), Attr("units", "KiB")),
        _ => throw new InvalidOperationException($"no writer for filesystem source {source.GetType().Name}"),
    };
}
