using System.CommandLine;
using DomainLauncher.Conformance;
using DomainLauncher.Conformance.Suites;
using DomainLauncher.Translator.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher conformance SUITE_DIR [--json OUT.json]</c>: runs a conformance suite (the
/// folder's <c>manifest.json</c> says which: qemuxml2argv, or the Xen ones, see <see cref="SuiteFolder"/>), prints one line per case that did not pass and a
/// closing <c>N passed, M failed</c> line, and optionally writes the result file. Exit 0 when no
/// case failed, 1 otherwise.
/// </summary>
internal static class ConformanceCommand
{
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
            Supported suites (manifest.json's "suite"): {{string.Join(", ", SuiteFolder.Supported)}}.

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
        var outcome = SuiteFolder.Run(suiteDir, context.Logging.CreateLogger("conformance"));
        if (DiagnosticOutput.Print(outcome.Diagnostics, context.Error) || outcome.Run is not { } run) return ExitCodes.InvalidInput;
        foreach (var line in outcome.FailureLines) context.Out.WriteLine(line);
        if (jsonPath is not null)
        {
            try
            {
                ConformanceResultJson.WriteFile(run, jsonPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Refuse(new Diagnostic(ConformanceDiagnostics.ResultNotWritten, Severity.Error, e.Message, SourceLocation.OfFile(jsonPath)), context);
            }
        }
        context.Out.WriteLine(outcome.Summary);
        return outcome.Failed == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static int Refuse(Diagnostic diagnostic, CliContext context)
    {
        context.Error.WriteLine(diagnostic.Format());
        return ExitCodes.InvalidInput;
    }
}
