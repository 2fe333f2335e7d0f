using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli;

/// <summary>
/// What a running command may use: standard output for its results, standard error for messages
/// meant for a person, and logging (to standard error; debug output only with <c>--verbose</c>).
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, ILoggerFactory Logging, bool Verbose);
