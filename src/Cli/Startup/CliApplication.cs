using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace DomainLauncher.Cli.Startup;

/// <summary>
/// The <c>domainlauncher</c> command line: finds the command named on it, builds only that command's
/// options (the whole tree only for the tool's own help and completion), parses, runs it and turns
/// every outcome into one of <see cref="ExitCodes"/>. Usage errors are reported briefly on standard
/// error, with the closest command or option names when one was mistyped (exit 2); an unexpected
/// exception is reported as one <c>internal error:</c> line (exit 70), with its stack trace only under
/// <c>--verbose</c>.
/// </summary>
internal static class CliApplication
{
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

    private const string Description =
        "DomainLauncher reads libvirt domain XML, checks it, and turns it into QEMU command lines " +
        "or Xen configurations (xend S-expressions, xm config files), and reads xm config files back.";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // '--version' alone prints what RootCommand's version option prints, the informational version,
        // from the constant the build wrote: no command tree, and no reflection over the assembly.
        if (args is ["--version"])
        {
            stdout.WriteLine(BuildVersion.Informational);
            return ExitCodes.Success;
        }
        // One per tree built: an option belongs to one root.
        var verbose = VerboseOption();
        ParseResult? parse = null;
        try
        {
            // The whole tree only for the tool's own help (and a bare 'domainlauncher', which shows it);
            // --version and the like need no command at all.
            IEnumerable<CommandEntry> entries = args.Length == 0 || HasHelpWord(args) ? CommandCatalog.All : [];
            var commandNamed = false;
            if (CommandWord(args) is { } word)
            {
                if (CommandCatalog.Find(word.Value) is not { } entry) return ReportUnknownCommand(word.Value, stderr);
                entries = [entry];
                commandNamed = true;
                // A virsh name runs the command it stands for; help and errors then use the tool's own name.
                if (word.Value != entry.Name) args = [.. args[..word.Index], entry.Name, .. args[(word.Index + 1)..]];
            }
            // '@file' response files stay off: a document named '@guest.xml' must be read as a file.
            var parsing = new ParserConfiguration { ResponseFileTokenReplacer = null };
            if (commandNamed && !AsksForVersionOrDirective(args))
            {
                // The root without version and directives, and with help only when a word may ask for
                // it: RootCommand's constructor looks up the executable's name (and its help, version
                // and directives' descriptions) through reflection, a good part of a one-shot command's
                // start. Used only when the command line is right or asks for the command's help:
                // anything else is parsed again with the full root below, so the errors and suggestions
                // are those of the standard tree.
                var leanRoot = new Command(LeanRootName);
                if (AsksForHelp(args)) leanRoot.Add(new HelpOption());
                parse = BuildCommandTree(leanRoot, entries, verbose, stdout, stderr).Parse(args, parsing);
                if (parse.Action is HelpWithExamplesAction
                    || (parse.Errors.Count == 0 && parse.Action is not null && UsageErrors.Of(parse).Count == 0))
                    return Invoke(parse, stdout, stderr);
            }
            verbose = VerboseOption();
            parse = BuildCommandTree(new RootCommand(Description), entries, verbose, stdout, stderr).Parse(args, parsing);
            var usageErrors = UsageErrors.Of(parse);
            if (usageErrors.Count > 0)
                return ReportUsageErrors(usageErrors, parse, stderr);
            return Invoke(parse, stdout, stderr);
        }
        catch (Exception e) when (!StandardOutputClosedException.IsIn(e))
        {
            return ReportInternalError(e, parse?.GetValue(verbose) ?? false, stderr);
        }
    }

    private static Option<bool> VerboseOption() => new("--verbose", "-v")
    {
        Description = "Write debug output (and stack traces of internal errors) to standard error.",
        Recursive = true,
    };

    private const string LeanRootName = "domainlauncher";

    private static int Invoke(ParseResult parse, TextWriter stdout, TextWriter stderr) =>
        parse.Invoke(new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
        });

    /// <summary>
    /// Whether a word may ask for help: <c>-h</c>, <c>/h</c>, <c>-?</c>, <c>/?</c>, <c>--help</c>, also in a bundle
    /// of short options such as <c>-vh</c>. Errs on the side of yes.
    /// </summary>
    internal static bool AsksForHelp(string[] args)
    {
        foreach (var arg in args)
        {
            if (arg.Length == 0) continue;
            if (arg is "/h" or "/?") return true;
            if (arg[0] != '-') continue;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (IsOption(arg, "--help")) return true;
            }
            else if (arg.Contains('h') || arg.Contains('?'))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a word may be <c>--version</c> or a <c>[directive]</c>, which only RootCommand understands.</summary>
    internal static bool AsksForVersionOrDirective(string[] args)
    {
        foreach (var arg in args)
        {
            if (arg.Length == 0) continue;
            if (arg[0] == '[' || IsOption(arg, "--version")) return true;
        }
        return false;
    }

    private static bool IsOption(string arg, string name) =>
        arg.StartsWith(name, StringComparison.Ordinal) && (arg.Length == name.Length || arg[name.Length] is ':' or '=');

    /// <summary>
    /// The whole command tree, every command built: what help and the completion scripts describe.
    /// </summary>
    public static RootCommand BuildFullTree() =>
        (RootCommand)BuildCommandTree(new RootCommand(Description), CommandCatalog.All, new Option<bool>("--verbose", "-v") { Recursive = true }, TextWriter.Null, TextWriter.Null);

    /// <summary>Whether a word is exactly one of the help options (a loop: it runs at every start).</summary>
    private static bool HasHelpWord(string[] args)
    {
        foreach (var arg in args)
            if (arg is "-h" or "-?" or "--help") return true;
        return false;
    }

    /// <summary>
    /// The first word that is not one of the tool's own options: the command's name. The tool's own
    /// options take no value, so every word before it starts with '-'. Null when there is none.
    /// </summary>
    internal static (string Value, int Index)? CommandWord(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--") return null;
            if (args[i].Length == 0 || args[i][0] != '-') return (args[i], i);
        }
        return null;
    }

    private static Command BuildCommandTree(Command root, IEnumerable<CommandEntry> entries, Option<bool> verbose, TextWriter stdout, TextWriter stderr)
    {
        root.Add(verbose);
        foreach (var entry in entries)
        {
            var command = entry.Create();
            command.SetAction(parse =>
            {
                var isVerbose = parse.GetValue(verbose);
                using var logging = new CliLogging(isVerbose, stderr);
                return command.Run(parse, new CliContext(stdout, stderr, logging, isVerbose));
            });
            root.Add(command);
        }
        // A loop, not OfType: it runs at every start.
        foreach (var option in root.Options)
            if (option is HelpOption help) help.Action = new HelpWithExamplesAction((HelpAction)help.Action!, RootNotes, RootExamples);
        return root;
    }

    /// <summary>The virsh names the tool answers to, for the top-level help.</summary>
    private static string RootNotes() =>
        "virsh names: " + string.Join(", ", CommandCatalog.All.SelectMany(e => e.Aliases.Select(a => $"{a} ({e.Name})"))) +
        "; --emulatorbin is --emulator.\n";

    private static int ReportUnknownCommand(string word, TextWriter stderr)
    {
        var close = CommandCatalog.Closest(word);
        var hint = close.Count == 0 ? "" : "; did you mean " + string.Join(" or ", close.Select(c => $"'{c}'")) + "?";
        stderr.WriteLine($"domainlauncher: '{word}' is not a domainlauncher command{hint}");
        stderr.WriteLine("Run 'domainlauncher --help' for the list of commands.");
        return ExitCodes.Usage;
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
