using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;sysinfo type='smbios'&gt;</c> with its bios and system entry blocks.</summary>
internal static class SysinfoParser
{
    private static readonly string[] BiosEntries = ["vendor", "version", "date", "release"];
    private static readonly string[] SystemEntries = ["manufacturer", "product", "version", "serial", "uuid", "sku", "family"];
    private static readonly string[] BaseBoardEntries = ["manufacturer", "product", "version", "serial", "asset", "location"];
    private static readonly string[] ChassisEntries = ["manufacturer", "version", "serial", "asset", "sku"];

    public static Sysinfo? Parse(ElementReader domain)
    {
        var sysinfo = domain.Child("sysinfo");
        if (sysinfo is null) return null;
        var type = sysinfo.RequiredAttr("type");
        if (type is not null && type != "smbios" && type != "fwcfg")
            sysinfo.AttrError("type", DiagnosticCatalog.UnknownEnumValue, $"'{type}' is not a sysinfo type; allowed: smbios, fwcfg");
        if (type == "fwcfg")
            return new Sysinfo
            {
                Type = type,
                FwCfg = sysinfo.ChildrenParsed("entry", entry =>
                {
                    var name = entry.RequiredAttr("name");
                    var file = entry.Attr("file");
                    var value = entry.Text;
                    return name is null ? null : new FwCfgEntry(name, file, file is not null && value.Length == 0 ? null : value);
                }),
                Location = sysinfo.Location,
            };
        return new Sysinfo
        {
            Type = type ?? "smbios",
            Bios = Entries(sysinfo.Child("bios"), BiosEntries),
            System = Entries(sysinfo.Child("system"), SystemEntries),
            BaseBoards = [.. sysinfo.Children("baseBoard").Select(board => Entries(board, BaseBoardEntries))],
            Chassis = Entries(sysinfo.Child("chassis"), ChassisEntries),
            OemStrings = [.. (sysinfo.Child("oemStrings")?.Children("entry") ?? []).Select(e => e.Text)],
            Location = sysinfo.Location,
        };
    }

    private static ImmutableArray<SysinfoEntry> Entries(ElementReader? block, string[] allowed)
    {
        if (block is null) return [];
        var entries = ImmutableArray.CreateBuilder<SysinfoEntry>();
        foreach (var entry in block.Children("entry"))
        {
            var name = entry.RequiredAttr("name");
            if (name is null) continue;
            if (!allowed.Contains(name))
            {
                // The reference reads the fields it knows and ignores the rest (the spec's own
                // example carries a 'vendor' in <system>), so this is a warning, not an error.
                entry.Context.Diagnostics.Warning(DiagnosticCatalog.UnknownElement, entry.AttrLocation("name"),
                    $"'{name}' is not a field of <{block.Name}> and is ignored; known fields: {string.Join(", ", allowed)}");
                continue;
            }
            entries.Add(new SysinfoEntry(name, entry.Text));
        }
        return entries.ToImmutable();
    }
}
