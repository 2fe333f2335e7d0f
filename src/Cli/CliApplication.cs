using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using DomainLauncher.Cli.Commands;

namespace DomainLauncher.Cli;

/// <summary>
/// The <c>domainlauncher</c> command line: builds the command tree, parses, runs the chosen command
/// and turns every outcome into one of <see cref="ExitCodes"/>. Usage errors are reported briefly on
/// standard error (exit 2); an unexpected exception is reported as one <c>internal error:</c> line
/// (exit 70), with its stack trace only under <c>--verbose</c>.
/// </summary>
internal static class CliApplication
{
    /// <summary>Every subcommand, one factory per file under Commands/. Add new commands here.</summary>
    internal static readonly Func<CliCommand>[] CommandFactories =
    [
        ValidateCommand.Create,
        ToNativeCommand.Create,
        FromNativeCommand.Create,
        ConformanceCommand.Create,
        ProbeCommand.Create,
        CapabilitiesCommand.Create, DomCapabilitiesCommand.Create,
        CheckCommand.Create,
        LaunchCommand.Create, ListCommand.Create, StatusCommand.Create, SuspendCommand.Create, ResumeCommand.Create, ShutdownCommand.Create, DestroyCommand.Create,
    ];

    internal static readonly CliExample[] RootExamples =
    [
        new("Check a domain document", "domainlauncher validate examples/minimal-qemu.xml"),
        new("Print the QEMU command line of a domain", "domainlauncher to-native qemu-argv examples/headless-qemu.xml"),
        new("Print the xm config file of a Xen guest", "domainlauncher to-native xen-xm examples/xen-pv.xml"),
        new("Print the domain XML of an xm config file", "domainlauncher from-native xen-xm examples/xen-hvm.cfg"),
        new("Run the QEMU conformance suite", "domainlauncher conformance ../shared/conformance/libvirt-0.10.2/qemuxml2argv"),
        new("Ask the installed QEMU what it can do", "domainlauncher probe"),
        new("Show a command's options", "domainlauncher validate --help"),
    ];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Write debug output (and stack traces of internal errors) to standard error.",
            Recursive = true,
        };
        ParseResult? parse = null;
        try
        {
            var root = BuildCommandTree(verbose, stdout, stderr);
            // '@file' response files stay off: a document named '@guest.xml' must be read as a file.
            parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            var usageErrors = UsageErrors(parse);
            if (usageErrors.Count > 0)
                return ReportUsageErrors(usageErrors, parse, stderr);
            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            return ReportInternalError(e, parse?.GetValue(verbose) ?? false, stderr);
        }
    }

    private static RootCommand BuildCommandTree(Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "DomainLauncher reads libvirt domain XML, checks it, and turns it into QEMU command lines " +
            "or Xen configurations (xend S-expressions, xm config files), and reads xm config files back.");
        root.Add(verbose);
        foreach (var create in CommandFactories)
        {
            var command = create();
            command.SetAction(parse =>
            {
                var isVerbose = parse.GetValue(verbose);
                using var logging = new CliLogging(isVerbose);
                return command.Run(parse, new CliContext(stdout, stderr, logging, isVerbose));
            });
            root.Add(command);
        }
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamplesAction((HelpAction)help.Action!, RootExamples);
        return root;
    }

    private static List<string> UsageErrors(ParseResult parse)
    {
        if (parse.Action is ParseErrorAction)
            return [.. parse.Errors.Select(e => e.Message)];
        // Help and version run instead of the command and ignore its arguments.
        if (parse.Action is null || parse.Action != parse.CommandResult.Command.Action) return [];
        // System.CommandLine hands an unknown '--option' to a command's arguments when they accept
        // more values; for us it is a typo, unless it comes after '--' (a file really named '-x').
        var tokens = parse.Tokens.ToList();
        var doubleDash = tokens.FindIndex(t => t.Type == TokenType.DoubleDash);
        var errors = new List<string>();
        foreach (var argument in parse.CommandResult.Command.Arguments)
        {
            if (parse.GetResult(argument) is not { } result) continue;
            foreach (var token in result.Tokens)
            {
                var index = tokens.FindIndex(t => ReferenceEquals(t, token));
                if (token.Value.Length > 1 && token.Value[0] == '-' && (doubleDash < 0 || index < doubleDash))
                    errors.Add($"Unrecognized option '{token.Value}' (put '--' before a file name that starts with '-').");
            }
        }
        return errors;
    }

    private static int ReportUsageErrors(IReadOnlyList<string> errors, ParseResult parse, TextWriter stderr)
    {
        foreach (var error in errors)
            stderr.WriteLine($"domainlauncher: {error}");
        var command = parse.CommandResult.Command;
        var helpCommand = command is RootCommand ? "domainlauncher --help" : $"domainlauncher {command.Name} --help";
        stderr.WriteLine($"Run '{helpCommand}' for usage.");
        return ExitCodes.Usage;
    }

    private static int ReportInternalError(Exception e, bool verbose, TextWriter stderr)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        stderr.WriteLine($"internal error: {e.GetType().Name}: {message} " +
            (verbose ? "(a bug in domainlauncher; stack trace follows)" : "(a bug in domainlauncher; run with --verbose for the stack trace)"));
        if (verbose) stderr.WriteLine(e);
        return ExitCodes.InternalError;
    }
}
