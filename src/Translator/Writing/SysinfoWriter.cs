using System.Collections.Immutable;
using DomainLauncher.Translator.Model;
using static DomainLauncher.Translator.Writing.XmlTree;

namespace DomainLauncher.Translator.Writing;

/// <summary>Writes <c>&lt;sysinfo type='smbios'&gt;</c> with its bios and system blocks.</summary>
internal static class SysinfoWriter
{
    /// <summary>The reference keeps each entry in a field of its own and writes them in this order.</summary>
    private static readonly string[] BiosOrder = ["vendor", "version", "date", "release"];

    private static readonly string[] SystemOrder = ["manufacturer", "product", "version", "serial", "uuid", "sku", "family"];

    private static readonly string[] BaseBoardOrder = ["manufacturer", "product", "version", "serial", "asset", "location"];

    private static readonly string[] ChassisOrder = ["manufacturer", "version", "serial", "asset", "sku"];

    public static XmlElement? Write(Sysinfo? sysinfo) =>
        sysinfo is null
            ? null
            : Element("sysinfo",
            [
                Attr("type", sysinfo.Type),
                Block("bios", sysinfo.Bios, BiosOrder),
                Block("system", sysinfo.System, SystemOrder),
                .. sysinfo.BaseBoards.Select(board => Block("baseBoard", board, BaseBoardOrder)),
                Block("chassis", sysinfo.Chassis, ChassisOrder),
                sysinfo.OemStrings.IsEmpty ? null : Element("oemStrings", [.. sysinfo.OemStrings.Select(s => TextElement("entry", s))]),
                .. sysinfo.FwCfg.Select(e => Element("entry", Attr("name", e.Name), Attr("file", e.File)) with { Text = e.Value }),
            ]);

    private static XmlElement? Block(string name, ImmutableArray<SysinfoEntry> entries, string[] order) =>
        UnlessChildless(Element(name,
        [
            .. entries.OrderBy(e => Array.IndexOf(order, e.Name))
                .Select(e => TextElement("entry", e.Value, Attr("name", e.Name))),
        ]));
}
