using System.Diagnostics;
using DomainLauncher.Drivers.Xen.Conformance;
using DomainLauncher.Translator.Conformance;
using DomainLauncher.Translator.Writing;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Conformance;

/// <summary>
/// Runs the Xen suites for <c>conformance</c>. xml2sexpr: each case's XML to a xend S-expression,
/// compared as exact text. xmconfig, both directions: first each case's XML to an xm config
/// (<c>actual</c> the cfg text, compared exactly with the case's .cfg), then each case's .cfg back
/// to domain XML as <c>ID#from-native</c> (<c>actual</c> the XML <see cref="DomainXmlWriter"/>
/// writes, compared exactly with the case's .xml file).
/// </summary>
internal static class XenSuites
{
    public const string Xml2SexprName = "xml2sexpr";
    public const string XmConfigName = "xmconfig";
    public const string FromNativeSuffix = "#from-native";

    /// <summary>The run, or null when the suite could not be loaded (its diagnostics were printed).</summary>
    public static SuiteRun? RunXml2Sexpr(string suiteDir, CliContext context, ILogger log)
    {
        var clock = Stopwatch.StartNew();
        var (suite, diagnostics) = Xml2SexprSuite.Load(suiteDir);
        if (DiagnosticOutput.Print(diagnostics, context.Error) || suite is null) return null;
        log.LogDebug("loaded {Count} cases in {Milliseconds} ms", suite.Cases.Length, clock.ElapsedMilliseconds);
        clock.Restart();
        var run = Xml2SexprRunner.Run(suite);
        log.LogDebug("ran {Count} cases in {Milliseconds} ms", run.Cases.Length, clock.ElapsedMilliseconds);
        return new SuiteRun(run, i => Line(run.Cases[i]));
    }

    /// <inheritdoc cref="RunXml2Sexpr"/>
    public static SuiteRun? RunXmConfig(string suiteDir, CliContext context, ILogger log)
    {
        var clock = Stopwatch.StartNew();
        var loaded = XmConfigSuite.Load(suiteDir);
        if (DiagnosticOutput.Print(loaded.Diagnostics, context.Error) || loaded.Suite is not { } suite) return null;
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
        return new SuiteRun(run, i => Line(run.Cases[i]));
    }

    /// <summary><c>ID: fail: WHERE THE TEXTS DIFFER</c>, <c>ID: fail: read: THE REFUSAL</c> or <c>ID: error: MESSAGE</c>.</summary>
    private static string Line(ConformanceCaseResult result) =>
        $"{result.Id}: {ConformanceStatusNames.Table.ToXml(result.Status)}: {result.Message ?? "no detail"}";
}
