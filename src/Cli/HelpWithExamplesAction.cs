using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace DomainLauncher.Cli;

/// <summary>
/// The standard help, followed by the command's notes and an "Examples:" section: a
/// <see cref="CliCommand"/>'s own, or the given root examples for the top-level help.
/// </summary>
internal sealed class HelpWithExamplesAction(HelpAction standard, IReadOnlyList<CliExample> rootExamples)
    : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        if (parseResult.CommandResult.Command is CliCommand { Notes.Length: > 0 } withNotes)
        {
            output.WriteLine(withNotes.Notes.TrimEnd());
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
