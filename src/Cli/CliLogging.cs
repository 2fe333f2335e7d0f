using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DomainLauncher.Cli;

/// <summary>
/// Logging for one command run: Microsoft.Extensions.Logging's console logger writing every level
/// to standard error in <see cref="CliLogFormatter"/>'s one-line form; debug and up with
/// <c>--verbose</c>, warnings and up otherwise. The logger factory is built at the first message
/// that passes the level: building it costs about a tenth of a second of start-up, which a quiet
/// run never needs to pay.
/// </summary>
internal sealed class CliLogging : ILoggerFactory
{
    private readonly LogLevel _minimum;
    private readonly Lazy<ILoggerFactory> _factory;

    public CliLogging(bool verbose)
    {
        _minimum = verbose ? LogLevel.Debug : LogLevel.Warning;
        _factory = new Lazy<ILoggerFactory>(() => Build(_minimum));
    }

    public ILogger CreateLogger(string categoryName) => new DeferredLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => _factory.Value.AddProvider(provider);

    public void Dispose()
    {
        // Disposing the console logger flushes its queue to standard error.
        if (_factory.IsValueCreated) _factory.Value.Dispose();
    }

    private static ILoggerFactory Build(LogLevel minimum) =>
        LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(minimum);
            logging.AddConsole(console =>
            {
                // Standard output carries results only; every log level goes to standard error.
                console.LogToStandardErrorThreshold = LogLevel.Trace;
                console.FormatterName = CliLogFormatter.FormatterName;
            });
            // Registered directly: AddConsoleFormatter binds options from configuration by
            // reflection, which NativeAOT cannot do.
            logging.Services.AddSingleton<ConsoleFormatter, CliLogFormatter>();
        });

    private sealed class DeferredLogger(CliLogging owner, string category) : ILogger
    {
        private readonly Lazy<ILogger> _logger = new(() => owner._factory.Value.CreateLogger(category));

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _logger.Value.BeginScope(state);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) _logger.Value.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
