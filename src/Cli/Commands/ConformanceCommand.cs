using System.CommandLine;
using System.Diagnostics;
using DomainLauncher.Cli.Conformance;
using DomainLauncher.Drivers.Qemu.Build;
using DomainLauncher.Drivers.Qemu.Conformance;
using DomainLauncher.Translator.Conformance;
using DomainLauncher.Translator.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher conformance SUITE_DIR [--json OUT.json]</c>: runs a conformance suite (the
/// folder's <c>manifest.json</c> says which: qemuxml2argv, or the Xen ones, see <see cref="XenSuites"/>), prints one line per case that did not pass and a
/// closing <c>N passed, M failed</c> line, and optionally writes the result file. Exit 0 when no
/// case failed, 1 otherwise.
/// </summary>
internal static class ConformanceCommand
{
    private const string QemuxmlSuiteName = "qemuxml2argv";

    /// <summary>The suites this command can run, by the manifest's <c>suite</c>.</summary>
    private static readonly string[] SupportedSuites = [QemuxmlSuiteName, XenSuites.Xml2SexprName, XenSuites.XmConfigName];

    public static CliCommand Create()
    {
        var suiteDir = new Argument<string>("SUITE_DIR")
        {
            Description = "A suite folder holding manifest.json and the files it names.",
        };
        var json = new Option<string>("--json")
        {
            Description = "Also write every case's result to this file as JSON.",
            HelpName = "OUT.json",
        };
        var command = new CliCommand(
            "conformance",
            "Run a conformance suite (libvirt's qemuxml2argv, xml2sexpr or xmconfig cases) and report the cases that do not pass.",
            $$"""
            Supported suites (manifest.json's "suite"): {{string.Join(", ", SupportedSuites)}}.

            Output (standard output): one line per case that did not pass, in manifest order,
              ID: fail (expects args): word N: expected ... A B >>WORD<< C ...; got ... A B >>OTHER<< C ...
              ID: fail (expects failure): built a command line where the case expects failure
              ID: fail (expects args): validate: FILE:LINE:COL: error CODE: ... (the refusal)
              ID: fail: differs at character N: expected …TEXT… but built …TEXT… (xml2sexpr)
              ID: fail: line N: expected `LINE`, got `LINE` (xmconfig, both directions)
              ID: error: MESSAGE (the case could not run: missing input, or a crash)
            then one line: N passed, M failed (with ", K unscored" when expected files are withheld).
            xmconfig runs both directions: each case's XML to an xm config (id ID), then its .cfg
            back to domain XML (id ID#from-native), compared exactly with the case's .xml file.
            --json writes {"suite": NAME, "cases": [{"id", "status", "actual", "message"}]}, status
            one of pass, fail, error, unscored; actual is what was built (null when refused): the
            command line, the S-expression, the xm config text, or for ID#from-native the domain XML.
            Exit status: 0 no case failed, 1 a case failed or the suite could not be read
            (or is not supported), 2 wrong usage, 70 internal error.
            """,
            [
                new("Run the QEMU suite", "domainlauncher conformance ../shared/conformance/libvirt-0.10.2/qemuxml2argv"),
                new("Run the xm config suite, both directions", "domainlauncher conformance ../shared/conformance/libvirt-0.10.2/xmconfig"),
                new("Keep every result, list only the failing case ids",
                    "domainlauncher conformance SUITE_DIR --json results.json | grep ': fail' | cut -d: -f1"),
            ],
            (parse, context) => Run(parse.GetRequiredValue(suiteDir), parse.GetValue(json), context))
        {
            suiteDir,
            json,
        };
        return command;
    }

    private static int Run(string suiteDir, string? jsonPath, CliContext context)
    {
        var log = context.Logging.CreateLogger("conformance");
        var manifestPath = Path.Combine(suiteDir, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            var message = Directory.Exists(suiteDir) ? "no manifest.json in the suite folder" : "the suite folder does not exist";
            return Refuse(new Diagnostic(DiagnosticCatalog.FileNotFound, Severity.Error, message, SourceLocation.OfFile(manifestPath)), context);
        }
        var (suiteName, error) = SuiteManifestHeader.Read(manifestPath);
        if (error is not null)
            return Refuse(new Diagnostic(CliDiagnostics.InvalidManifestHeader, Severity.Error, error, SourceLocation.OfFile(manifestPath)), context);

        var clock = Stopwatch.StartNew();
        SuiteRun? finished;
        switch (suiteName)
        {
            case QemuxmlSuiteName:
                finished = RunQemuxml(suiteDir, context, log);
                break;
            case XenSuites.Xml2SexprName:
                finished = XenSuites.RunXml2Sexpr(suiteDir, context, log);
                break;
            case XenSuites.XmConfigName:
                finished = XenSuites.RunXmConfig(suiteDir, context, log);
                break;
            default:
                var named = suiteName is null ? "the manifest names no \"suite\"" : $"suite '{suiteName}' is not supported";
                return Refuse(new Diagnostic(CliDiagnostics.UnsupportedSuite, Severity.Error,
                    $"{named}; supported: {string.Join(", ", SupportedSuites)}", SourceLocation.OfFile(manifestPath).WithPath("$.suite")), context);
        }
        if (finished is not { } outcome) return ExitCodes.InvalidInput;
        var run = outcome.Run;
        log.LogDebug("{Suite}: {Count} results in {Milliseconds} ms", suiteName, run.Cases.Length, clock.ElapsedMilliseconds);

        for (var i = 0; i < run.Cases.Length; i++)
        {
            if (run.Cases[i].Status is ConformanceStatus.Fail or ConformanceStatus.Error)
                context.Out.WriteLine(outcome.FailureLine(i));
        }

        if (jsonPath is not null)
        {
            try
            {
                ConformanceResultJson.WriteFile(run, jsonPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine(new Diagnostic(CliDiagnostics.ResultNotWritten, Severity.Error, e.Message, SourceLocation.OfFile(jsonPath)).Format());
                return ExitCodes.InvalidInput;
            }
        }

        var passed = run.Count(ConformanceStatus.Pass);
        var failed = run.Count(ConformanceStatus.Fail) + run.Count(ConformanceStatus.Error);
        var unscored = run.Count(ConformanceStatus.Unscored);
        context.Out.WriteLine($"{passed} passed, {failed} failed" + (unscored > 0 ? $", {unscored} unscored" : ""));
        return failed == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    /// <summary>The qemuxml2argv suite, or null when it could not be loaded (its diagnostics were printed).</summary>
    private static SuiteRun? RunQemuxml(string suiteDir, CliContext context, ILogger log)
    {
        var clock = Stopwatch.StartNew();
        var loaded = QemuxmlSuite.Load(suiteDir);
        log.LogDebug("loaded {Suite} in {Milliseconds} ms", suiteDir, clock.ElapsedMilliseconds);
        if (DiagnosticOutput.Print(loaded.Diagnostics, context.Error) || loaded.Value is not { } suite) return null;

        clock.Restart();
        var run = QemuxmlRunner.Run(suite, QemuxmlTranslation.Translate);
        log.LogDebug("ran {Count} cases in {Milliseconds} ms", run.Cases.Length, clock.ElapsedMilliseconds);
        return new SuiteRun(run, i => CaseReport.Line(suite.Cases[i], run.Cases[i]));
    }

    private static int Refuse(Diagnostic diagnostic, CliContext context)
    {
        context.Error.WriteLine(diagnostic.Format());
        return ExitCodes.InvalidInput;
    }
}
