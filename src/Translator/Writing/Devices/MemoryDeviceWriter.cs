using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing.Devices;

/// <summary>Writes a <c>&lt;memory model&gt;</c> device in libvirt 9's order: uuid, source, target, alias, address.</summary>
internal static class MemoryDeviceWriter
{
    public static XmlElement Write(MemoryDevice memory) =>
        Element("memory",
        [
            Attr("model", memory.Model, MemoryDeviceXml.Model),
            Attr("access", memory.Access, NumaCellXml.MemAccess),
            YesNo("discard", memory.Discard),
            memory.Uuid is { } uuid ? TextElement("uuid", Uuid(uuid)) : null,
            Source(memory.Source),
            Target(memory.Target),
            DeviceInfoWriter.Alias(memory.Alias),
            DeviceInfoWriter.Address(memory.Address),
        ]);

    private static XmlElement? Source(MemoryDeviceSource? source) =>
        source is null
            ? null
            : Element("source",
                GeneralWriter.Size("pagesize", source.PageSize),
                TextElement("nodemask", source.NodeMask),
                TextElement("path", source.Path),
                GeneralWriter.Size("alignsize", source.AlignSize),
                Flag("pmem", source.Pmem));

    private static XmlElement Target(MemoryDeviceTarget target) =>
        Element("target",
            GeneralWriter.Size("size", target.Size),
            TextElement("node", target.Node),
            target.LabelSize is null ? null : Element("label", GeneralWriter.Size("size", target.LabelSize)),
            Flag("readonly", target.Readonly),
            GeneralWriter.Size("block", target.Block),
            GeneralWriter.Size("requested", target.Requested),
            GeneralWriter.Size("current", target.Current));
}
