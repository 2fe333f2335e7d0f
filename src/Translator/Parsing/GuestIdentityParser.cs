using System.Collections.Immutable;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Model;

namespace DomainLauncher.Translator.Parsing;

/// <summary>Reads the guest's generation ID (<c>&lt;genid&gt;</c>) and a container's ID map (<c>&lt;idmap&gt;</c>).</summary>
internal static class GuestIdentityParser
{
    /// <summary><c>&lt;genid&gt;UUID&lt;/genid&gt;</c>, or an empty element (generate one).</summary>
    public static GenerationId? GenerationId(ElementReader domain)
    {
        var genid = domain.Child("genid");
        if (genid is null) return null;
        var text = genid.Text.Trim();
        if (text.Length == 0) return new GenerationId(null) { Location = genid.Location };
        var hex = text.Replace("-", "", StringComparison.Ordinal);
        if (hex.Length == 32 && hex.All(char.IsAsciiHexDigit) && Guid.TryParseExact(hex, "N", out var value))
            return new GenerationId(value) { Location = genid.Location };
        genid.Error(DiagnosticCatalog.InvalidValue, $"'{text}' is not a UUID; a generation ID is a UUID or empty (generated)");
        return null;
    }

    public static IdMap? IdMap(ElementReader domain)
    {
        var idmap = domain.Child("idmap");
        if (idmap is null) return null;
        return new IdMap { Uids = Ranges(idmap, "uid"), Gids = Ranges(idmap, "gid"), Location = idmap.Location };
    }

    private static ImmutableArray<IdMapRange> Ranges(ElementReader idmap, string name) =>
        idmap.ChildrenParsed(name, range =>
        {
            uint? Required(string attribute) => range.RequiredAttr(attribute) is null ? null : range.UInt(attribute);
            var start = Required("start");
            var target = Required("target");
            var count = Required("count");
            return start is null || target is null || count is null ? null : new IdMapRange(start.Value, target.Value, count.Value);
        });
}
