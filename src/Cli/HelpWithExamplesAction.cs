using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace DomainLauncher.Cli;

/// <summary>
/// The standard help, followed by the command's notes (the tool's own for the top-level help) and an "Examples:" section: a
/// <see cref="CliCommand"/>'s own, or the given root examples for the top-level help.
/// </summary>
internal sealed class HelpWithExamplesAction(HelpAction standard, Func<string> rootNotes, IReadOnlyList<CliExample> rootExamples)
    : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var notes = parseResult.CommandResult.Command switch
        {
            CliCommand command => command.Notes,
            RootCommand => rootNotes(),
            _ => "",
        };
        if (notes.Length > 0)
        {
            output.WriteLine(notes.TrimEnd());
            output.WriteLine();
        }
        IReadOnlyList<CliExample> examples = parseResult.CommandResult.Command switch
        {
            CliCommand command => command.Examples,
            RootCommand => rootExamples,
            _ => [],
        };
        if (examples.Count == 0) return exitCode;
        output.WriteLine("Examples:");
        foreach (var example in examples)
        {
            output.WriteLine($"  # {example.Purpose}");
            output.WriteLine($"  {example.CommandLine}");
            output.WriteLine();
        }
        return exitCode;
    }
}
