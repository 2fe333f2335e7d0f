using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads <c>&lt;sysinfo type='smbios'&gt;</c> with its bios and system entry blocks.</summary>
internal static class SysinfoParser
{
    private static readonly string[] BiosEntries = ["vendor", "version", "date", "release"];
    private static readonly string[] SystemEntries = ["manufacturer", "product", "version", "serial", "uuid", "sku", "family"];

    public static Sysinfo? Parse(ElementReader domain)
    {
        var sysinfo = domain.Child("sysinfo");
        if (sysinfo is null) return null;
        var type = sysinfo.RequiredAttr("type");
        if (type is not null && type != "smbios")
            sysinfo.AttrError("type", DiagnosticCatalog.UnknownEnumValue, $"'{type}' is not a sysinfo type; allowed: smbios");
        return new Sysinfo
        {
            Type = type ?? "smbios",
            Bios = Entries(sysinfo.Child("bios"), BiosEntries),
            System = Entries(sysinfo.Child("system"), SystemEntries),
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
