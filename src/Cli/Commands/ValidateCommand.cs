using DomainLauncher.Cli.Batch;
using DomainLauncher.Cli.Output;
using DomainLauncher.HostRuntime.Inputs;
using System.CommandLine;
using System.Diagnostics;
using DomainLauncher.Translator.Parsing;
using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli.Commands;

/// <summary>
/// <c>domainlauncher validate FILE...</c>: reads each domain document, prints every diagnostic
/// (errors and warnings) one per line on standard output, then a summary line per file unless
/// <c>--quiet</c>. Exit 0 when every file is valid, 1 when any is not.
/// </summary>
internal static class ValidateCommand
{
    public static CliCommand Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            CustomParser = WordsArgument.Parse,
            Description = "Domain XML documents to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Print only the diagnostic lines, no per-file summary line.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object per document, on one line each (JSON lines): file, ok, diagnostics.",
        };
        var command = new CliCommand(
            "validate",
            "Check domain XML documents and print every problem found.",
            """
            Output (standard output), per file: one line per diagnostic, in document order,
              FILE:LINE:COL: error|warning CODE: ELEMENT-PATH: MESSAGE
            (FILE: error|warning CODE: MESSAGE when no position applies), then unless --quiet
              FILE: valid|invalid [(N errors, M warnings)]
            --json: one line per document instead, in the order given,
              {"file": F, "ok": true|false, "errors": N, "warnings": M, "diagnostics": [{"severity",
              "code", "line", "column", "path", "message"}]}
            ('-' is standard input; many documents are read in one process, one after another.)
            Exit status: 0 every file valid (warnings allowed), 1 any file invalid, 2 wrong usage,
            70 internal error.
            """,
            [
                new("Check one document", "domainlauncher validate examples/minimal-qemu.xml"),
                new("Check many; list only the errors", "domainlauncher validate -q *.xml | grep ': error '"),
                new("A fleet's documents as JSON lines, for a program", "domainlauncher validate --json /etc/libvirt/qemu/*.xml"),
            ],
            (parse, context) => Run(parse.GetRequiredValue(files), parse.GetValue(quiet), parse.GetValue(json), context))
        {
            files,
            quiet,
            json,
        };
        return command;
    }

    private static int Run(IReadOnlyList<string> files, bool quiet, bool json, CliContext context)
    {
        var log = context.Logging.CreateLogger("validate");
        var allValid = true;
        var boundary = new DocumentBoundaryCollection();
        using var closing = InputCloseBatch.Open();
        using var readAhead = InputReadAhead.Open(files);
        using var lines = new DocumentJsonLines(context.Out);
        foreach (var file in files)
        {
            boundary.BetweenDocuments();
            // Logged only with --verbose: the arguments of a debug message are boxed even when it is not written.
            var debug = log.IsEnabled(LogLevel.Debug);
            if (debug) log.LogDebug("reading {File}", file);
            var started = Stopwatch.GetTimestamp();
            var result = DomainLoader.LoadFile(InputFiles.Disk, file);
            if (debug)
                log.LogDebug("read {File} in {Milliseconds} ms; diagnostics: {Count}",
                    file, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, result.Diagnostics.Count);

            var errors = result.Diagnostics.Count(d => d.IsError);
            var warnings = result.Diagnostics.Count - errors;
            var valid = !result.HasErrors;
            allValid &= valid;
            if (json)
            {
                lines.WriteLine(file, result.Diagnostics, valid, line =>
                {
                    line.WriteNumber("errors", errors);
                    line.WriteNumber("warnings", warnings);
                });
                continue;
            }
            foreach (var diagnostic in result.Diagnostics)
                context.Out.WriteLine(diagnostic.Format());
            if (!quiet)
                context.Out.WriteLine($"{file}: {(valid ? "valid" : "invalid")}{Counts(errors, warnings)}");
        }
        return allValid ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static string Counts(int errors, int warnings)
    {
        var parts = new List<string>(2);
        if (errors > 0) parts.Add(Plural(errors, "error"));
        if (warnings > 0) parts.Add(Plural(warnings, "warning"));
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
