using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Validation;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Parse then validate: the one call tools use to read a domain document. The domain is null when
/// any error was found; all diagnostics (warnings too) are returned, in document order per pass.
/// </summary>
public static class DomainLoader
{
    public static DomainParseResult LoadFile(IInputFiles files, string path, XmlLimits? limits = null) =>
        Validate(DomainParser.ParseFile(files, path, limits));

    public static DomainParseResult LoadText(string xml, string sourceName = "<string>", XmlLimits? limits = null) =>
        Validate(DomainParser.ParseText(xml, sourceName, limits));

    public static DomainParseResult LoadBytes(byte[] xml, string sourceName, XmlLimits? limits = null) =>
        Validate(DomainParser.ParseBytes(xml, sourceName, limits));

    // A document with parse errors is validated too, as far as it was read: its independent
    // problems (a zero vCPU count beside a malformed UUID) are all reported in one run.
    private static DomainParseResult Validate(DomainParseResult parsed)
    {
        if ((parsed.Domain ?? parsed.Partial) is not { } subject) return parsed;
        var found = DomainValidator.Validate(subject);
        if (found.Count == 0) return parsed;
        var all = parsed.Diagnostics.Concat(found)
            .OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        return new DomainParseResult(all.Any(d => d.IsError) ? null : parsed.Domain, all);
    }
}
