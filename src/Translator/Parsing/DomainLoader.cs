using DomainLauncher.Translator.Defaults;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Validation;
using DomainLauncher.Translator.Xml;

namespace DomainLauncher.Translator.Parsing;

/// <summary>
/// Parse, fill libvirt's post-parse defaults (<see cref="DomainDefaults"/>), then validate: the one call tools use to read a domain document. The domain is null when
/// any error was found; all diagnostics (warnings too) are returned, in document order per pass.
/// </summary>
public static class DomainLoader
{
    public static DomainParseResult LoadFile(IInputFiles files, string path, XmlLimits? limits = null, DefaultsSettings? defaults = null) =>
        Validate(DomainParser.ParseFile(files, path, limits), defaults);

    public static DomainParseResult LoadText(string xml, string sourceName = "<string>", XmlLimits? limits = null, DefaultsSettings? defaults = null) =>
        Validate(DomainParser.ParseText(xml, sourceName, limits), defaults);

    public static DomainParseResult LoadBytes(byte[] xml, string sourceName, XmlLimits? limits = null, DefaultsSettings? defaults = null) =>
        Validate(DomainParser.ParseBytes(xml, sourceName, limits), defaults);

    private static DomainParseResult Validate(DomainParseResult parsed, DefaultsSettings? defaults)
    {
        if (parsed.Domain is null) return parsed;
        var domain = DomainDefaults.Apply(parsed.Domain, defaults);
        var found = DomainValidator.Validate(domain);
        if (found.Count == 0) return parsed with { Domain = domain };
        var all = parsed.Diagnostics.Concat(found).ToList();
        return new DomainParseResult(all.Any(d => d.IsError) ? null : domain, all);
    }
}
