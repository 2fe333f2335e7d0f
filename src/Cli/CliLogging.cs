using Microsoft.Extensions.Logging;

namespace DomainLauncher.Cli;

/// <summary>
/// Logging for one command run: Microsoft.Extensions.Logging's logger factory writing every level
/// to the command's standard error in <see cref="CliLogProvider"/>'s one-line form; debug and up with
/// <c>--verbose</c>, warnings and up otherwise. The logger factory is built at the first message
/// that passes the level, which a quiet run never writes.
/// </summary>
internal sealed class CliLogging : ILoggerFactory
{
    private readonly LogLevel _minimum;
    private readonly Lazy<ILoggerFactory> _factory;

    public CliLogging(bool verbose, TextWriter stderr)
    {
        _minimum = verbose ? LogLevel.Debug : LogLevel.Warning;
        _factory = new Lazy<ILoggerFactory>(() => Build(_minimum, stderr));
    }

    public ILogger CreateLogger(string categoryName) => new DeferredLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => _factory.Value.AddProvider(provider);

    public void Dispose()
    {
        // Disposing the factory disposes the provider, which flushes standard error.
        if (_factory.IsValueCreated) _factory.Value.Dispose();
    }

    private static ILoggerFactory Build(LogLevel minimum, TextWriter stderr) =>
        new LoggerFactory([new CliLogProvider(stderr)], new LoggerFilterOptions { MinLevel = minimum });

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
