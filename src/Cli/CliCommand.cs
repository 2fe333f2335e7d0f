using System.CommandLine;

namespace DomainLauncher.Cli;

/// <summary>
/// A subcommand of <c>domainlauncher</c>: its arguments and options (added by its factory), the
/// notes and examples its help shows after the standard sections, and what it runs. The application wires <see cref="Run"/> as the
/// command's action, handing it a <see cref="CliContext"/>; <see cref="Run"/> returns one of
/// <see cref="ExitCodes"/>.
/// </summary>
internal sealed class CliCommand(
    string name, string description, Func<string> notes, IReadOnlyList<CliExample> examples,
    Func<ParseResult, CliContext, int> run)
    : Command(name, description)
{
    public CliCommand(string name, string description, string notes, IReadOnlyList<CliExample> examples, Func<ParseResult, CliContext, int> run)
        : this(name, description, () => notes, examples, run)
    {
    }

    // Made when help is shown: notes that list tables (to-native's default capabilities) cost a
    // noticeable part of a one-shot command's start.
    private readonly Lazy<string> _notes = new(notes);

    /// <summary>Text shown after the options in this command's help: output format, exit status.</summary>
    public string Notes => _notes.Value;

    public IReadOnlyList<CliExample> Examples { get; } = examples;

    public Func<ParseResult, CliContext, int> Run { get; } = run;
}
