using System.Diagnostics;
using DomainLauncher.Conformance.Qemu;
using DomainLauncher.Conformance.Reporting;
using DomainLauncher.Conformance.Xen;
using DomainLauncher.Translator.Diagnostics;
using DomainLauncher.Translator.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DomainLauncher.Conformance.Suites;

/// <summary>
/// Runs the suite a folder holds: reads <c>manifest.json</c>'s <c>suite</c>, loads the suite with its
/// runner (qemuxml2argv, xml2sexpr, xmconfig), runs every case and describes the ones that did not
/// pass. The one entry point of <c>conformance</c>.
/// </summary>
public static class SuiteFolder
{
    public const string QemuxmlName = "qemuxml2argv";
    public const string Xml2SexprName = "xml2sexpr";
    public const string XmConfigName = "xmconfig";

    /// <summary>xmconfig's second direction (a case's .cfg back to domain XML) has this suffix on the case id.</summary>
    public const string FromNativeSuffix = "#from-native";

    /// <summary>The suites a folder may hold, by the manifest's <c>suite</c>.</summary>
    public static IReadOnlyList<string> Supported { get; } = [QemuxmlName, Xml2SexprName, XmConfigName, LibxlConfigSuite.XlName, LibxlConfigSuite.XmName];

    public static SuiteOutcome Run(string suiteDir, ILogger? log = null)
    {
        log ??= NullLogger.Instance;
        var manifestPath = Path.Combine(suiteDir, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            var message = Directory.Exists(suiteDir) ? "no manifest.json in the suite folder" : "the suite folder does not exist";
            return Refused(null, new Diagnostic(DiagnosticCatalog.FileNotFound, Severity.Error, message, SourceLocation.OfFile(manifestPath)));
        }
        var (suiteName, error) = SuiteManifestHeader.Read(manifestPath);
        if (error is not null)
            return Refused(null, new Diagnostic(ConformanceDiagnostics.InvalidManifestHeader, Severity.Error, error, SourceLocation.OfFile(manifestPath)));

        var clock = Stopwatch.StartNew();
        var outcome = suiteName switch
        {
            QemuxmlName => RunQemuxml(suiteDir, log),
            Xml2SexprName => RunXml2Sexpr(suiteDir, log),
            XmConfigName => RunXmConfig(suiteDir, log),
            LibxlConfigSuite.XlName or LibxlConfigSuite.XmName => RunLibxlConfig(suiteDir, log),
            _ => Refused(suiteName, new Diagnostic(ConformanceDiagnostics.UnsupportedSuite, Severity.Error,
                $"{(suiteName is null ? "the manifest names no \"suite\"" : $"suite '{suiteName}' is not supported")}; supported: {string.Join(", ", Supported)}",
                SourceLocation.OfFile(manifestPath).WithPath("$.suite"))),
        };
        log.LogDebug("{Suite}: {Count} results in {Milliseconds} ms", suiteName, outcome.Run?.Cases.Length ?? 0, clock.ElapsedMilliseconds);
        return outcome with { Suite = suiteName };
    }

    private static SuiteOutcome RunQemuxml(string suiteDir, ILogger log)
    {
        var clock = Stopwatch.StartNew();
        var loaded = QemuxmlSuite.Load(suiteDir);
        log.LogDebug("loaded {Suite} in {Milliseconds} ms", suiteDir, clock.ElapsedMilliseconds);
        if (loaded.HasErrors || loaded.Value is not { } suite) return new SuiteOutcome(QemuxmlName, null, [], loaded.Diagnostics);
        clock.Restart();
        var run = QemuxmlRunner.Run(suite, QemuxmlTranslation.Translate);
        log.LogDebug("ran {Count} cases in {Milliseconds} ms", run.Cases.Length, clock.ElapsedMilliseconds);
        return Finished(run, i => CaseReport.Line(suite.Cases[i], run.Cases[i]), loaded.Diagnostics);
    }

    /// <summary>xml2sexpr: each case's XML to a xend S-expression, compared as exact text.</summary>
    private static SuiteOutcome RunXml2Sexpr(string suiteDir, ILogger log)
    {
        var clock = Stopwatch.StartNew();
        var (suite, diagnostics) = Xml2SexprSuite.Load(suiteDir);
        if (suite is null || diagnostics.Any(d => d.IsError)) return new SuiteOutcome(Xml2SexprName, null, [], diagnostics);
        log.LogDebug("loaded {Count} cases in {Milliseconds} ms", suite.Cases.Length, clock.ElapsedMilliseconds);
        clock.Restart();
        var run = Xml2SexprRunner.Run(suite);
        log.LogDebug("ran {Count} cases in {Milliseconds} ms", run.Cases.Length, clock.ElapsedMilliseconds);
        return Finished(run, i => Line(run.Cases[i]), diagnostics);
    }

    /// <summary>
    /// xmconfig, both directions: each case's XML to an xm config (<c>actual</c> the cfg text, compared
    /// exactly with the case's .cfg), then each case's .cfg back to domain XML as <c>ID#from-native</c>
    /// (<c>actual</c> the XML <see cref="DomainXmlWriter"/> writes, compared exactly with the case's .xml).
    /// </summary>
    private static SuiteOutcome RunXmConfig(string suiteDir, ILogger log)
    {
        var clock = Stopwatch.StartNew();
        var loaded = XmConfigSuite.Load(suiteDir);
        if (loaded.Suite is not { } suite || loaded.Diagnostics.Any(d => d.IsError))
            return new SuiteOutcome(XmConfigName, null, [], loaded.Diagnostics);
        log.LogDebug("loaded {Count} cases in {Milliseconds} ms", suite.Cases.Length, clock.ElapsedMilliseconds);
        clock.Restart();
        var toNative = XmConfigRunner.RunFormat(suite).Cases;
        log.LogDebug("ran {Count} to-native cases in {Milliseconds} ms", toNative.Length, clock.ElapsedMilliseconds);
        clock.Restart();
        var fromNative = suite.Cases.Select(c =>
            XmConfigRunner.ParseCase(suite, c, DomainXmlWriter.Write,
                    (read, _) => TextDifference.FirstLine(File.ReadAllText(c.XmlPath), DomainXmlWriter.Write(read)))
                with { Id = c.Id + FromNativeSuffix });
        var run = new ConformanceRun(suite.Name, [.. toNative, .. fromNative]);
        log.LogDebug("ran {Count} from-native cases in {Milliseconds} ms", suite.Cases.Length, clock.ElapsedMilliseconds);
        return Finished(run, i => Line(run.Cases[i]), loaded.Diagnostics);
    }

    /// <summary>
    /// libvirt 9's xlconfig and xmconfig-libxl: each case's XML to a config file (<c>ID</c>, compared
    /// as text), each case's config to domain XML (<c>ID#from-native</c>, compared as XML).
    /// </summary>
    private static SuiteOutcome RunLibxlConfig(string suiteDir, ILogger log)
    {
        var clock = Stopwatch.StartNew();
        var loaded = LibxlConfigSuite.Load(suiteDir);
        if (loaded.Suite is not { } suite || loaded.Diagnostics.Any(d => d.IsError))
            return new SuiteOutcome(null, null, [], loaded.Diagnostics);
        var run = LibxlConfigRunner.Run(suite);
        log.LogDebug("ran {Count} cases in {Milliseconds} ms", run.Cases.Length, clock.ElapsedMilliseconds);
        return Finished(run, i => Line(run.Cases[i]), loaded.Diagnostics);
    }

    private static SuiteOutcome Finished(ConformanceRun run, Func<int, string> failureLine, IReadOnlyList<Diagnostic> diagnostics)
    {
        var lines = new List<string>();
        for (var i = 0; i < run.Cases.Length; i++)
            if (run.Cases[i].Status is ConformanceStatus.Fail or ConformanceStatus.Error)
                lines.Add(failureLine(i));
        return new SuiteOutcome(null, run, lines, diagnostics);
    }

    private static SuiteOutcome Refused(string? suite, Diagnostic diagnostic) => new(suite, null, [], [diagnostic]);

    /// <summary><c>ID: fail: WHERE THE TEXTS DIFFER</c>, <c>ID: fail: read: THE REFUSAL</c> or <c>ID: error: MESSAGE</c>.</summary>
    private static string Line(ConformanceCaseResult result) =>
        $"{result.Id}: {ConformanceStatusNames.Table.ToXml(result.Status)}: {result.Message ?? "no detail"}";
}
