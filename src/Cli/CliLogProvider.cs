using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli;

/// <summary>
/// Writes each log entry as one plain line to a command's standard error, <c>debug: validate: reading
/// guest.xml</c>: the shape of the tool's other messages, with no event ids, colours or timestamps.
/// <para>
/// Written at once, in the caller's thread, one entry at a time: a line lands between the command's
/// other messages in the order things happened, and nothing is left in a queue when the command ends.
/// The console logger of Microsoft.Extensions.Logging.Console, which this replaces, queued entries for
/// a thread of its own and brought in the dependency-injection container and the configuration
/// binder (and their types' start-up cost in every run of the native tool) for a one-line format.
/// </para>
/// </summary>
internal sealed class CliLogProvider(TextWriter stderr) : ILoggerProvider
{
    private readonly Lock _writing = new();

    public ILogger CreateLogger(string categoryName) => new CliLogger(this, categoryName);

    public void Dispose()
    {
        lock (_writing) stderr.Flush();
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        if (message.Length == 0 && exception is null) return;
        lock (_writing)
        {
            stderr.Write(LevelName(level));
            stderr.Write(": ");
            stderr.Write(category);
            stderr.Write(": ");
            stderr.WriteLine(message.ReplaceLineEndings(" "));
            if (exception is not null) stderr.WriteLine(exception);
        }
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

    /// <summary>One category's logger; the level filter is the factory's.</summary>
    private sealed class CliLogger(CliLogProvider provider, string category) : ILogger
    {
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) provider.Write(logLevel, category, formatter(state, exception) ?? "", exception);
        }
    }
}
