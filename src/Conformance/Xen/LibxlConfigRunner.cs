using DomainLauncher.Conformance.Reporting;
using DomainLauncher.Drivers.Xen.Target;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Translator.Defaults;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Parsing;
using DomainLauncher.Translator.Writing;

namespace DomainLauncher.Conformance.Xen;

/// <summary>
/// Runs libvirt 9's xlconfig or xmconfig suite for the libxl target. to-native (case id
/// <c>NAME</c>): the case's XML to a config file, compared with the <c>.cfg</c> as exact text.
/// from-native (<c>NAME#from-native</c>): the <c>.cfg</c> to domain XML, compared with the case's
/// XML as XML (see <see cref="XmlDifference"/>). <c>actual</c> is always the text built. A missing
/// expected file leaves the case unscored; a crash is an error.
/// </summary>
public static class LibxlConfigRunner
{
    public const string FromNativeSuffix = "#from-native";

    public static ConformanceRun Run(LibxlConfigSuite suite)
    {
        var toNative = suite.Cases.Where(c => c.ToNative).Select(c => ToNative(suite, c));
        var fromNative = suite.Cases.Where(c => c.FromNative).Select(c => FromNative(suite, c) with { Id = c.Id + FromNativeSuffix });
        return new(suite.Name, [.. toNative, .. fromNative]);
    }

    /// <summary>The config text of a domain for the libxl target in the suite's dialect, or the refusals.</summary>
    public static (string? Text, IReadOnlyList<Diagnostic> Diagnostics) Build(LibxlConfigSuite suite, string xml, string sourceName)
    {
        var loaded = DomainLoader.LoadText(xml, sourceName, defaults: DefaultsSettings.Conversion);
        if (loaded.Domain is null) return (null, loaded.Diagnostics);
        var built = XmConfigBuilder.Build(loaded.Domain, XenTarget.Libxl, suite.Format);
        return (built.Text, built.Diagnostics);
    }

    /// <summary>The domain XML of a config file for the libxl target in the suite's dialect, or the refusals.</summary>
    public static (string? Xml, IReadOnlyList<Diagnostic> Diagnostics) Read(LibxlConfigSuite suite, string cfg, string sourceName)
    {
        var read = XmConfigReader.ReadText(cfg, sourceName, XenTarget.Libxl, suite.Guests, suite.Format);
        if (read.Domain is null) return (null, read.Diagnostics);
        var written = DomainXmlWriter.TryWrite(DomainDefaults.Apply(read.Domain, DefaultsSettings.Conversion), sourceName);
        return (written.Text, [.. read.Diagnostics, .. written.Diagnostics]);
    }

    public static ConformanceCaseResult ToNative(LibxlConfigSuite suite, LibxlConfigCase c)
    {
        if (!File.Exists(c.XmlPath)) return new(c.Id, ConformanceStatus.Error, null, $"input file not found: {c.XmlPath}");
        try
        {
            var (text, diagnostics) = Build(suite, suite.XmlText(c), c.XmlPath);
            if (text is null) return new(c.Id, ConformanceStatus.Fail, null, "build: " + Messages(diagnostics));
            if (!File.Exists(c.CfgPath)) return new(c.Id, ConformanceStatus.Unscored, text, null);
            var difference = TextDifference.FirstLine(File.ReadAllText(c.CfgPath), text);
            return new(c.Id, difference is null ? ConformanceStatus.Pass : ConformanceStatus.Fail, text, difference);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(c.Id, ConformanceStatus.Error, null, $"translator crashed: {e.GetType().Name}: {e.Message}");
        }
    }

    public static ConformanceCaseResult FromNative(LibxlConfigSuite suite, LibxlConfigCase c)
    {
        if (!File.Exists(c.CfgPath)) return new(c.Id, ConformanceStatus.Error, null, $"input file not found: {c.CfgPath}");
        try
        {
            var (xml, diagnostics) = Read(suite, File.ReadAllText(c.CfgPath), c.CfgPath);
            if (xml is null) return new(c.Id, ConformanceStatus.Fail, null, "read: " + Messages(diagnostics));
            if (!File.Exists(c.XmlPath)) return new(c.Id, ConformanceStatus.Unscored, xml, null);
            var difference = XmlDifference.First(suite.XmlText(c), xml);
            return new(c.Id, difference is null ? ConformanceStatus.Pass : ConformanceStatus.Fail, xml, difference);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(c.Id, ConformanceStatus.Error, null, $"translator crashed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static string Messages(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("; ", diagnostics.Where(d => d.IsError).Select(d => d.Format()));
}
