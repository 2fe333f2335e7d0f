namespace DomainLauncher.Cli;

/// <summary>One example shown at the end of a command's help: what it does, then the command line.</summary>
internal sealed record CliExample(string Purpose, string CommandLine);
