using DomainLauncher.Translator.Defaults;
using DomainLauncher.HostRuntime.Inputs;
using System.Collections.Immutable;
using DomainLauncher.Drivers.Xen.XmConfig;
using DomainLauncher.Conformance;
using DomainLauncher.Translator.Model;
using DomainLauncher.Translator.Parsing;

namespace DomainLauncher.Conformance.Xen;

/// <summary>
/// Runs an xmconfig suite in either direction. <see cref="RunFormat"/>: each case's XML to an xm
/// config, recorded as its text and compared with the <c>.cfg</c> file as exact text.
/// <see cref="RunParse"/>: each case's <c>.cfg</c> to a domain, recorded with the given writer and
/// scored with the given comparison against the domain read from the case's XML. A missing
/// expected file leaves the case unscored; a crash is an error.
/// </summary>
public static class XmConfigRunner
{
    public static ConformanceRun RunFormat(XmConfigSuite suite) =>
        new(suite.Name, [.. suite.Cases.Select(FormatCase)]);

    public static ConformanceCaseResult FormatCase(XmConfigCase c)
    {
        if (!File.Exists(c.XmlPath)) return new(c.Id, ConformanceStatus.Error, null, $"input file not found: {c.XmlPath}");
        try
        {
            var loaded = DomainLoader.LoadFile(InputFiles.Disk, c.XmlPath, defaults: DefaultsSettings.Conversion);
            if (loaded.Domain is null) return Refused(c.Id, "parse", loaded.Diagnostics);
            var built = XmConfigBuilder.Build(loaded.Domain, c.Target);
            if (built.Text is null) return Refused(c.Id, "build", built.Diagnostics);
            if (!File.Exists(c.CfgPath)) return new(c.Id, ConformanceStatus.Unscored, built.Text, null);
            var expected = File.ReadAllText(c.CfgPath);
            return expected == built.Text
                ? new(c.Id, ConformanceStatus.Pass, built.Text, null)
                : new(c.Id, ConformanceStatus.Fail, built.Text, FirstLineDifference(expected, built.Text));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(c.Id, ConformanceStatus.Error, null, $"translator crashed: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <param name="suite">The suite whose host defaults the reader uses.</param>
    /// <param name="write">How a read domain is recorded as the case's output (e.g. the domain XML writer).</param>
    /// <param name="difference">Null when the read domain equals the one from the case's XML, else what differs.</param>
    public static ConformanceRun RunParse(
        XmConfigSuite suite, Func<Domain, string> write, Func<Domain, Domain, string?> difference) =>
        new(suite.Name, [.. suite.Cases.Select(c => ParseCase(suite, c, write, difference))]);

    public static ConformanceCaseResult ParseCase(
        XmConfigSuite suite, XmConfigCase c, Func<Domain, string> write, Func<Domain, Domain, string?> difference)
    {
        if (!File.Exists(c.CfgPath)) return new(c.Id, ConformanceStatus.Error, null, $"input file not found: {c.CfgPath}");
        try
        {
            var read = XmConfigReader.ReadText(File.ReadAllText(c.CfgPath), c.CfgPath, c.Target, suite.Guests);
            if (read.Domain is null) return Refused(c.Id, "read", read.Diagnostics);
            // What the reader built goes through the post-parse stage, as a parsed document does.
            var domain = DomainDefaults.Apply(read.Domain, DefaultsSettings.Conversion);
            var actual = write(domain);
            if (!File.Exists(c.XmlPath)) return new(c.Id, ConformanceStatus.Unscored, actual, null);
            var expected = DomainLoader.LoadFile(InputFiles.Disk, c.XmlPath, defaults: DefaultsSettings.Conversion);
            if (expected.Domain is null) return new(c.Id, ConformanceStatus.Error, actual, "the expected XML does not load: " + Messages(expected.Diagnostics));
            var differs = difference(domain, expected.Domain);
            return differs is null
                ? new(c.Id, ConformanceStatus.Pass, actual, null)
                : new(c.Id, ConformanceStatus.Fail, actual, differs);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(c.Id, ConformanceStatus.Error, null, $"translator crashed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static ConformanceCaseResult Refused(string id, string stage, IEnumerable<Translator.Diagnostics.Diagnostic> diagnostics) =>
        new(id, ConformanceStatus.Fail, null, $"{stage}: {Messages(diagnostics)}");

    private static string Messages(IEnumerable<Translator.Diagnostics.Diagnostic> diagnostics) =>
        string.Join("; ", diagnostics.Where(d => d.IsError).Select(d => d.Format()));

    private static string FirstLineDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"line {i + 1}: expected `{el}`, got `{al}`";
        }
        return "the texts differ";
    }

    /// <summary>Both directions as one list: the format results, then the parse results with ids suffixed "#parse".</summary>
    public static ConformanceRun RunBoth(XmConfigSuite suite, Func<Domain, string> write, Func<Domain, Domain, string?> difference)
    {
        var format = RunFormat(suite).Cases;
        var parse = RunParse(suite, write, difference).Cases.Select(r => r with { Id = r.Id + "#parse" });
        return new(suite.Name, [.. format, .. parse]);
    }
}
