using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace DomainLauncher.Cli;

/// <summary>
/// Writes each log entry as one plain line, <c>debug: validate: reading guest.xml</c>: the shape of
/// the tool's other messages, without the console logger's event ids, colours or timestamps.
/// </summary>
internal sealed class CliLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "domainlauncher";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        textWriter.Write(LevelName(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        textWriter.WriteLine(message.ReplaceLineEndings(" "));
        if (logEntry.Exception is not null) textWriter.WriteLine(logEntry.Exception);
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "log",
    };
}
