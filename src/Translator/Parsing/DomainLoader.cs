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

    // Post-parse defaults, then validation. A document with parse errors is defaulted and validated
    // too, as far as it was read: its independent problems (a zero vCPU count beside a malformed
    // UUID) are all reported in one run; it is never handed on.
    private static DomainParseResult Validate(DomainParseResult parsed, DefaultsSettings? defaults)
    {
        if ((parsed.Domain ?? parsed.Partial) is not { } read) return parsed;
        var domain = DomainDefaults.Apply(read, defaults);
        var found = DomainValidator.Validate(domain);
        var usable = parsed.Domain is null ? null : domain;
        if (found.Count == 0) return parsed with { Domain = usable };
        var all = DocumentOrder.Sort([.. parsed.Diagnostics, .. found]);
        return new DomainParseResult(all.Any(d => d.IsError) ? null : usable, all);
    }
}
